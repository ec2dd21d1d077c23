import { pgPool } from "@/lib/db";

export type TLedgerVerification = { ok: boolean; grants: number; usages: number; problems: string[] };

/**
 * Proves the workspace's ledger: for every grant, its first entry is +amount and the sum of its
 * entries equals `remaining` (0 ≤ remaining ≤ amount); for every usage, what its entries drew
 * matches its status (held, captured or released) and its refund entries match `creditsRefunded`.
 */
export async function verifyLedger(workspaceId: string): Promise<TLedgerVerification> {
  const grants = await pgPool().query<{ id: string; amount: number; remaining: number; total: string; first: number | null }>(
    `SELECT g.id, g.amount, g.remaining, COALESCE(s.total, 0)::text AS total, f.credits AS first
       FROM credit_grants g
       LEFT JOIN (SELECT grant_id, sum(credits) AS total FROM credit_ledger_entries
                   WHERE workspace_id = $1 GROUP BY grant_id) s ON s.grant_id = g.id
       LEFT JOIN (SELECT DISTINCT ON (grant_id) grant_id, credits FROM credit_ledger_entries
                   WHERE workspace_id = $1 ORDER BY grant_id, id) f ON f.grant_id = g.id
      WHERE g.workspace_id = $1`,
    [workspaceId],
  );
  const problems: string[] = [];
  for (const g of grants.rows) {
    if (Number(g.total) !== g.remaining) problems.push(`grant ${g.id}: entries sum ${g.total} ≠ remaining ${g.remaining}`);
    if (g.first !== g.amount) problems.push(`grant ${g.id}: first entry ${g.first} ≠ amount ${g.amount}`);
    if (g.remaining < 0 || g.remaining > g.amount) problems.push(`grant ${g.id}: remaining ${g.remaining} out of bounds`);
  }
  const usages = await pgPool().query<{ id: string; status: string; held: number; credits: number; refunded: number; drawn: string; back: string }>(
    `SELECT u.id, u.status::text, u.credits_held AS held, u.credits, u.credits_refunded AS refunded,
            COALESCE(-sum(e.credits) FILTER (WHERE e.type IN ('debit', 'hold', 'release')), 0)::text AS drawn,
            COALESCE(sum(e.credits) FILTER (WHERE e.type = 'refund'), 0)::text AS back
       FROM credit_usages u LEFT JOIN credit_ledger_entries e ON e.usage_id = u.id
      WHERE u.workspace_id = $1 GROUP BY u.id`,
    [workspaceId],
  );
  for (const u of usages.rows) {
    const expected = u.status === "held" ? u.held : u.status === "captured" ? u.credits : 0;
    if (Number(u.drawn) !== expected) problems.push(`usage ${u.id} (${u.status}): drew ${u.drawn}, expected ${expected}`);
    if (Number(u.back) !== u.refunded) problems.push(`usage ${u.id}: refund entries ${u.back} ≠ refunded ${u.refunded}`);
  }
  return { ok: problems.length === 0, grants: grants.rowCount ?? 0, usages: usages.rowCount ?? 0, problems };
}

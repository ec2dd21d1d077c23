import { pgPool } from "@/lib/db";
import { creditEventKind, creditEventKindSql, type TCreditEventKind } from "@/lib/credits/credit-event-kinds";
import type { CreditSource, LedgerEntryType } from "@/lib/generated/prisma/enums";

export type TCreditHistoryEvent = {
  id: string;
  kind: TCreditEventKind;
  type: LedgerEntryType;
  credits: number;
  /** The grant's source; a member's draw on the workspace pool reads `pool`. */
  source: CreditSource;
  feature: string | null;
  featureName: string | null;
  group: string | null;
  /** The member the movement belongs to; null for pool-only events. */
  member: { id: string; name: string; email: string } | null;
  /** Who caused it: a person's name, "API key", "System", or null when not recorded. */
  actorLabel: string | null;
  balanceAfter: number;
  createdAt: string;
  memo: string | null;
};
export type TCreditHistoryPage = { events: TCreditHistoryEvent[]; nextCursor: string | null };

type TRow = Omit<TCreditHistoryEvent, "kind" | "member" | "actorLabel" | "createdAt"> & {
  usageStatus: string | null;
  memberId: string | null;
  memberName: string | null;
  memberEmail: string | null;
  actor: string | null;
  actorName: string | null;
  createdAt: Date;
};

const MAX_ID = "9223372036854775807";

function actorLabel(row: TRow): string | null {
  if (!row.actor) return null;
  if (row.actorName) return row.actorName;
  if (row.actor.startsWith("api_key:")) return "API key";
  if (row.actor === "system") return "System";
  return null;
}

/**
 * The Credits page's ledger history, newest first, keyset-paginated on the entry id (stable
 * under concurrent writes), with who and which feature. Scoped to the workspace; with
 * `memberId` only that member's entries (including their pool draws), with `memberIds` only
 * those members'. The caller decides who may see whose events (resolveHistoryScope).
 */
export async function listCreditHistory(options: {
  workspaceId: string;
  memberId?: string;
  memberIds?: readonly string[] | null;
  kind?: TCreditEventKind;
  cursor?: string;
  limit?: number;
}): Promise<TCreditHistoryPage> {
  const limit = Math.min(Math.max(options.limit ?? 25, 1), 1000);
  const values: unknown[] = [options.workspaceId, options.cursor ?? MAX_ID];
  const where = ["e.workspace_id = $1", "e.id < $2::bigint"];
  if (options.memberId) {
    values.push(options.memberId);
    where.push(`e.user_id = $${values.length}`);
  }
  if (options.memberIds) {
    values.push([...options.memberIds]);
    where.push(`e.user_id = ANY($${values.length}::text[])`);
  }
  if (options.kind) where.push(creditEventKindSql(options.kind));
  values.push(limit + 1);
  const { rows } = await pgPool().query<TRow>({
    text: `
      SELECT e.id::text AS id, e.type::text AS type, e.credits,
             CASE WHEN e.user_id IS NOT NULL AND a.user_id IS NULL THEN 'pool' ELSE e.source::text END AS source,
             u.feature_key AS feature, f.name AS "featureName", u.group_key AS "group", u.status::text AS "usageStatus",
             e.user_id AS "memberId", mu.name AS "memberName", mu.email AS "memberEmail",
             e.actor, au.name AS "actorName",
             e.balance_after::float8 AS "balanceAfter", e.created_at AS "createdAt", e.memo
        FROM credit_ledger_entries e
        JOIN credit_accounts a ON a.id = e.account_id
        LEFT JOIN credit_usages u ON u.id = e.usage_id
        LEFT JOIN credit_features f ON f.key = u.feature_key
        LEFT JOIN users mu ON mu.id = e.user_id
        LEFT JOIN users au ON e.actor LIKE 'user:%' AND au.id = substr(e.actor, 6)
       WHERE ${where.join(" AND ")}
       ORDER BY e.id DESC
       LIMIT $${values.length}`,
    values,
  });
  const events = rows.slice(0, limit).map(
    (row): TCreditHistoryEvent => ({
      id: row.id,
      kind: creditEventKind(row.type, row.source, row.usageStatus),
      type: row.type,
      credits: row.credits,
      source: row.source,
      feature: row.feature,
      featureName: row.featureName,
      group: row.group,
      member: row.memberId ? { id: row.memberId, name: row.memberName ?? "", email: row.memberEmail ?? "" } : null,
      actorLabel: actorLabel(row),
      balanceAfter: row.balanceAfter,
      createdAt: new Date(row.createdAt).toISOString(),
      memo: row.memo,
    }),
  );
  return { events, nextCursor: rows.length > limit ? events[events.length - 1].id : null };
}

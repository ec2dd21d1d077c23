import { pgPool } from "@/lib/db";

/**
 * Job: writes `expire` entries for every grant past its expiry that still has credits (balances
 * already ignore them). Deliberately across all workspaces — it is a system job with no caller
 * input; each account is settled in its own short transaction under its own lock. Idempotent.
 */
export async function expireGrants(options: { now?: Date; batchSize?: number } = {}) {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 500;
  let accounts = 0;
  let grants = 0;
  for (;;) {
    const { rows } = await pgPool().query<{ account_id: string }>(
      `SELECT DISTINCT account_id FROM credit_grants WHERE remaining > 0 AND expires_at <= $1 LIMIT $2`,
      [now, batchSize],
    );
    for (const row of rows) {
      const result = await pgPool().query<{ count: number }>("SELECT credits_expire_account($1, $2) AS count", [
        row.account_id,
        now,
      ]);
      grants += result.rows[0].count;
    }
    accounts += rows.length;
    if (rows.length < batchSize) return { accounts, grants };
  }
}

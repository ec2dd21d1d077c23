import { pgPool } from "@/lib/db";

/**
 * Job: releases holds past their expiry back to their grants (status `expired`). Across all
 * workspaces on purpose (a system job); each account is settled under its own lock. Spending and
 * balance reads also release a member's expired holds, so this only tidies idle accounts.
 */
export async function expireHolds(options: { now?: Date; batchSize?: number } = {}) {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 500;
  let accounts = 0;
  for (;;) {
    const { rows } = await pgPool().query<{ account_id: string }>(
      `SELECT DISTINCT account_id FROM credit_usages WHERE status = 'held' AND expires_at <= $1 LIMIT $2`,
      [now, batchSize],
    );
    for (const row of rows) await pgPool().query("SELECT credits_expire_account_holds($1, $2)", [row.account_id, now]);
    accounts += rows.length;
    if (rows.length < batchSize) return { accounts };
  }
}

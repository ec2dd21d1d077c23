import { pgPool } from "@/lib/db";

/**
 * Ends a subscription's plan allotments from `from` on (a plan replaced, a renewal not paid): their
 * expiry moves to `from` and the ledger writes the `expire` entries now. Top-ups and every other
 * source are untouched. Idempotent; runs after the change that caused it has committed.
 */
export async function endPlanCredits(options: { workspaceId: string; subscriptionId: string; from: Date; now?: Date }) {
  const now = options.now ?? new Date();
  const { rows } = await pgPool().query<{ account_id: string }>(
    `UPDATE credit_grants SET expires_at = $3
      WHERE workspace_id = $1 AND subscription_id = $2 AND source = 'plan' AND (expires_at IS NULL OR expires_at > $3)
      RETURNING account_id`,
    [options.workspaceId, options.subscriptionId, options.from],
  );
  const accounts = [...new Set(rows.map((r) => r.account_id))];
  for (const account of accounts) await pgPool().query("SELECT credits_expire_account($1, $2)", [account, new Date(Math.max(now.getTime(), options.from.getTime()))]);
  return { accounts: accounts.length };
}

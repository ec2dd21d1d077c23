import { requestHash } from "@/lib/credits/ledger-call";
import { spendCombined } from "@/lib/credits/spend-combiner";
import type { TUsageInput } from "@/lib/credits/schemas";
import type { TLedgerContext, TUsageResult } from "@/lib/credits/types";

/**
 * Captures credits for a metered action in one round trip (credits_spend; concurrent spends of
 * one member are combined into one call, see spend-combiner): locks the member's
 * account (then the pool), grants starter credits or the cycle's plan allotment on first touch,
 * draws grants in policy order and writes the usage and its ledger entries. Idempotent per
 * `idempotencyKey`: a replay returns the first result; a failure leaves the key unspent.
 * Throws `not_found`, `invalid_request` (feature), `forbidden`, `insufficient_credits`,
 * `credits_paused` or `idempotency_conflict`.
 */
export async function debitCredits(options: TLedgerContext & TUsageInput): Promise<TUsageResult> {
  const { workspaceId, actor, now, idempotencyKey, ...body } = options;
  const outcome = await spendCombined<TUsageResult>({
    ...body,
    mode: "usage",
    workspaceId,
    idempotencyKey,
    requestHash: requestHash(body),
    actor: actor ?? null,
    now: now?.toISOString(),
  });
  return outcome.body;
}

import { requestHash } from "@/lib/credits/ledger-call";
import { spendCombined } from "@/lib/credits/spend-combiner";
import type { TReservationInput } from "@/lib/credits/schemas";
import type { THoldResult, TLedgerContext } from "@/lib/credits/types";

/**
 * Reserves credits now (they count against `available` at once) for capture ≤ held later; the
 * hold expires after `expiresInSeconds` (default 900). Same round trip, rules and idempotency as
 * debitCredits.
 */
export async function holdCredits(options: TLedgerContext & TReservationInput): Promise<THoldResult> {
  const { workspaceId, actor, now, idempotencyKey, ...body } = options;
  const outcome = await spendCombined<THoldResult>({
    ...body,
    mode: "hold",
    workspaceId,
    idempotencyKey,
    requestHash: requestHash(body),
    actor: actor ?? null,
    now: now?.toISOString(),
  });
  return outcome.body;
}

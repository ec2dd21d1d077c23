import { callLedger, requestHash } from "@/lib/credits/ledger-call";
import type { TCaptureResult, TLedgerContext } from "@/lib/credits/types";

/**
 * Captures `credits` (≤ held) of a hold and releases the rest to the grants it came from.
 * Throws `not_found`, `hold_not_active` (captured, released or expired), `exceeds_hold`; with an
 * idempotency key a replay returns the first result.
 */
export async function captureHold(
  options: TLedgerContext & { holdId: string; credits: number; idempotencyKey?: string },
): Promise<TCaptureResult> {
  const { workspaceId, actor, now, holdId, credits, idempotencyKey } = options;
  const outcome = await callLedger<TCaptureResult>("credits_settle_hold", {
    mode: "capture",
    workspaceId,
    usageId: holdId,
    credits,
    idempotencyKey: idempotencyKey ?? null,
    requestHash: requestHash({ holdId, credits }),
    actor: actor ?? null,
    now: now?.toISOString(),
  });
  return outcome.body;
}

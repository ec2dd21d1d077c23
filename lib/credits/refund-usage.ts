import { callLedger, requestHash } from "@/lib/credits/ledger-call";
import type { TLedgerContext, TRefundResult } from "@/lib/credits/types";

/**
 * Refunds a captured usage (all that is not yet refunded when `credits` is omitted) to the
 * grants it drew, last drawn first; credits whose grant has expired come back as one `refund`
 * grant. Throws `not_found`, `refund_exceeds_usage`, `already_refunded`.
 */
export async function refundUsage(
  options: TLedgerContext & { usageId: string; credits?: number; reason: string; idempotencyKey?: string },
): Promise<TRefundResult> {
  const { workspaceId, actor, now, usageId, credits, reason, idempotencyKey } = options;
  const outcome = await callLedger<TRefundResult>("credits_refund", {
    workspaceId,
    usageId,
    credits: credits ?? null,
    reason,
    idempotencyKey: idempotencyKey ?? null,
    requestHash: requestHash({ usageId, credits, reason }),
    actor: actor ?? null,
    now: now?.toISOString(),
  });
  return outcome.body;
}

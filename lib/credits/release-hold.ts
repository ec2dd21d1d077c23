import { callLedger, requestHash } from "@/lib/credits/ledger-call";
import type { TLedgerContext, TReleaseResult } from "@/lib/credits/types";

/** Releases a whole hold back to its grants. Throws `not_found` or `hold_not_active`. */
export async function releaseHold(
  options: TLedgerContext & { holdId: string; idempotencyKey?: string },
): Promise<TReleaseResult> {
  const { workspaceId, actor, now, holdId, idempotencyKey } = options;
  const outcome = await callLedger<TReleaseResult>("credits_settle_hold", {
    mode: "release",
    workspaceId,
    usageId: holdId,
    idempotencyKey: idempotencyKey ?? null,
    requestHash: requestHash({ holdId }),
    actor: actor ?? null,
    now: now?.toISOString(),
  });
  return outcome.body;
}

import { callLedger } from "@/lib/credits/ledger-call";
import type { TBalance, TLedgerContext } from "@/lib/credits/types";

/**
 * A member's spendable credits and their buckets in spending order (paused buckets flagged and
 * not counted), or the pool's when `member` is null. One round trip; it briefly locks the
 * account because a read is a first touch (the cycle's allotment, expired holds).
 */
export async function getBalance(options: Omit<TLedgerContext, "actor"> & { member: string | null }): Promise<TBalance> {
  const outcome = await callLedger<TBalance>("credits_balance", {
    workspaceId: options.workspaceId,
    member: options.member,
    now: options.now?.toISOString(),
  });
  return outcome.body;
}

import { prisma } from "@/lib/db";
import { settlePurchase } from "@/lib/billing/purchases/settle-purchase";
import { fulfillPurchase } from "@/lib/billing/purchases/fulfill-purchase";
import { clearJobError, noteJobError } from "@/lib/billing/purchases/note-job-error";

const QUIET_FOR_MS = 60_000;
const GIVE_UP_AFTER_MS = 7 * 24 * 60 * 60 * 1000;
// A payment created but never recorded shows up in the gateway's search within minutes (Stripe's
// index lags by up to a minute, an hour in an outage); after a day it was never made.
const SEARCH_UNRECORDED_FOR_MS = 24 * 60 * 60 * 1000;

/**
 * Settles purchases whose outcome was never heard (a closed tab, a lost webhook, a crash before the
 * payment's id was stored: then the gateway is searched by metadata) and finishes paid purchases
 * whose fulfilment was interrupted (a crash after the payment). Each purchase is its own unit of
 * work: one that fails is noted on the purchase (owners told once) and the run goes on; the least
 * recently touched come first, so a failing one never holds the queue. Idempotent.
 */
export async function reconcilePurchases(options: { now?: Date } = {}): Promise<{ settled: number; fulfilled: number; failed: number }> {
  const now = options.now ?? new Date();
  const stale = await prisma.purchase.findMany({
    where: {
      updatedAt: { lt: new Date(now.getTime() - QUIET_FOR_MS) },
      OR: [
        { status: { in: ["pending", "requires_action"] }, gatewayPaymentIntentId: { not: null }, createdAt: { gt: new Date(now.getTime() - GIVE_UP_AFTER_MS) } },
        // Charged, perhaps, but its payment id never stored (a crash): found by metadata search.
        { status: "pending", gatewayPaymentIntentId: null, createdAt: { gt: new Date(now.getTime() - SEARCH_UNRECORDED_FOR_MS) } },
      ],
    },
    orderBy: { updatedAt: "asc" },
    take: 200,
  });
  let failed = 0;
  const each = async (purchaseId: string, work: () => Promise<unknown>) => {
    try {
      await work();
      await clearJobError(purchaseId);
    } catch (error) {
      failed += 1;
      await noteJobError({ purchaseId, job: "reconciliation", error, now });
    }
  };
  for (const purchase of stale) await each(purchase.id, () => settlePurchase({ workspaceId: purchase.workspaceId, purchaseId: purchase.id }));
  const unfulfilled = await prisma.purchase.findMany({ where: { status: "succeeded", fulfilledAt: null }, orderBy: { updatedAt: "asc" }, take: 200 });
  for (const purchase of unfulfilled) await each(purchase.id, () => fulfillPurchase({ purchaseId: purchase.id }));
  return { settled: stale.length, fulfilled: unfulfilled.length, failed };
}

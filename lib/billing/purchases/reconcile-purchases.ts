import { prisma } from "@/lib/db";
import { settlePurchase } from "@/lib/billing/purchases/settle-purchase";
import { fulfillPurchase } from "@/lib/billing/purchases/fulfill-purchase";

const QUIET_FOR_MS = 60_000;
const GIVE_UP_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Settles purchases whose outcome was never heard (a closed tab, a lost webhook) and finishes
 * paid purchases whose fulfilment was interrupted (a crash after the payment). Idempotent.
 */
export async function reconcilePurchases(options: { now?: Date } = {}): Promise<{ settled: number; fulfilled: number }> {
  const now = options.now ?? new Date();
  const stale = await prisma.purchase.findMany({
    where: {
      status: { in: ["pending", "requires_action"] },
      gatewayPaymentIntentId: { not: null },
      updatedAt: { lt: new Date(now.getTime() - QUIET_FOR_MS) },
      createdAt: { gt: new Date(now.getTime() - GIVE_UP_AFTER_MS) },
    },
    take: 200,
  });
  for (const purchase of stale) await settlePurchase({ workspaceId: purchase.workspaceId, purchaseId: purchase.id });
  const unfulfilled = await prisma.purchase.findMany({ where: { status: "succeeded", fulfilledAt: null }, take: 200 });
  for (const purchase of unfulfilled) await fulfillPurchase({ purchaseId: purchase.id });
  return { settled: stale.length, fulfilled: unfulfilled.length };
}

import { prisma } from "@/lib/db";
import type { TPaymentOutcome } from "@/lib/payments/gateway";
import { fulfillPurchase } from "@/lib/billing/purchases/fulfill-purchase";
import { declineMessage } from "@/lib/billing/purchases/decline-message";
import type { PurchaseStatus } from "@/lib/generated/prisma/enums";

const STATUS_BY_OUTCOME: Record<TPaymentOutcome["status"], PurchaseStatus> = {
  succeeded: "succeeded",
  requires_action: "requires_action",
  requires_payment_method: "pending",
  processing: "pending",
  failed: "failed",
  canceled: "canceled",
};

/**
 * Records what the gateway says about a purchase's payment and, when it succeeded, fulfils it.
 * A succeeded purchase never moves back: later, stale outcomes (out-of-order webhooks) are ignored.
 */
export async function applyPaymentOutcome(purchaseId: string, outcome: TPaymentOutcome) {
  const status = STATUS_BY_OUTCOME[outcome.status];
  const failure = outcome.status === "failed" ? { failureCode: outcome.declineCode ?? outcome.code, failureMessage: declineMessage(outcome) } : { failureCode: null, failureMessage: null };
  await prisma.purchase.updateMany({
    where: { id: purchaseId, status: { not: "succeeded" } },
    data: {
      status,
      ...failure,
      ...(outcome.paymentIntentId ? { gatewayPaymentIntentId: outcome.paymentIntentId } : {}),
      ...(outcome.status === "succeeded" && outcome.paymentMethodId ? { paymentMethodId: outcome.paymentMethodId } : {}),
    },
  });
  if (status === "succeeded") await fulfillPurchase({ purchaseId });
  return prisma.purchase.findUniqueOrThrow({ where: { id: purchaseId } });
}

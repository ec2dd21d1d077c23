import { prisma } from "@/lib/db";
import { getGateway } from "@/lib/payments/get-gateway";
import { applyPaymentOutcome } from "@/lib/billing/purchases/apply-payment-outcome";
import { findUnrecordedPayment } from "@/lib/billing/purchases/find-unrecorded-payment";
import { afterFulfilment } from "@/lib/billing/purchases/after-fulfilment";

/**
 * Re-reads a purchase's payment from the gateway (never trusting a caller's word) and applies
 * it. Used by the browser's confirmation, the webhook and the reconciliation job alike. A pending
 * purchase with no stored payment id is looked up by its metadata (see findUnrecordedPayment).
 */
export async function settlePurchase(options: { workspaceId: string; purchaseId: string }) {
  const settled = await settleOnce(options);
  // Whoever fulfilled it (this call or a concurrent webhook still at it), the follow-ups are done
  // before this caller reports success.
  if (settled) await afterFulfilment(settled);
  return settled;
}

async function settleOnce(options: { workspaceId: string; purchaseId: string }) {
  const purchase = await prisma.purchase.findFirst({ where: { id: options.purchaseId, workspaceId: options.workspaceId } });
  if (!purchase) return null;
  if (purchase.status === "succeeded" && purchase.fulfilledAt) return purchase;
  if (!purchase.gatewayPaymentIntentId) {
    // The server may have died after the charge and before storing the payment's id.
    const found = purchase.status === "pending" ? await findUnrecordedPayment(purchase) : null;
    return found ? applyPaymentOutcome(purchase.id, found) : purchase;
  }
  const outcome = await getGateway().retrievePayment(purchase.gatewayPaymentIntentId);
  return applyPaymentOutcome(purchase.id, outcome);
}

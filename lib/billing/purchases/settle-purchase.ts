import { prisma } from "@/lib/db";
import { getGateway } from "@/lib/payments/get-gateway";
import { applyPaymentOutcome } from "@/lib/billing/purchases/apply-payment-outcome";

/**
 * Re-reads a purchase's payment from the gateway (never trusting a caller's word) and applies
 * it. Used by the browser's confirmation, the webhook and the reconciliation job alike.
 */
export async function settlePurchase(options: { workspaceId: string; purchaseId: string }) {
  const purchase = await prisma.purchase.findFirst({ where: { id: options.purchaseId, workspaceId: options.workspaceId } });
  if (!purchase) return null;
  if (purchase.status === "succeeded" && purchase.fulfilledAt) return purchase;
  if (!purchase.gatewayPaymentIntentId) return purchase;
  const outcome = await getGateway().retrievePayment(purchase.gatewayPaymentIntentId);
  return applyPaymentOutcome(purchase.id, outcome);
}

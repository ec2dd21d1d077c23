import { prisma } from "@/lib/db";
import { getGateway } from "@/lib/payments/get-gateway";
import { settlePurchase } from "@/lib/billing/purchases/settle-purchase";
import { applyPaymentOutcome } from "@/lib/billing/purchases/apply-payment-outcome";

/**
 * Settles the purchase a gateway event is about. Matched by the stored PaymentIntent id, or, when
 * the server died before storing it, by the `purchaseId` and `workspaceId` in the payment's
 * metadata as re-read from the gateway (the event's payload is not trusted). Idempotent.
 */
export async function settlePaymentIntent(options: { paymentIntentId: string }) {
  const purchase = await prisma.purchase.findUnique({ where: { gatewayPaymentIntentId: options.paymentIntentId } });
  if (purchase) return settlePurchase({ workspaceId: purchase.workspaceId, purchaseId: purchase.id });
  const payment = await getGateway().retrievePayment(options.paymentIntentId);
  const { purchaseId, workspaceId } = payment.metadata;
  if (!purchaseId || !workspaceId) return null;
  const unrecorded = await prisma.purchase.findFirst({ where: { id: purchaseId, workspaceId, gatewayPaymentIntentId: null } });
  if (!unrecorded) return null;
  return applyPaymentOutcome(unrecorded.id, payment);
}

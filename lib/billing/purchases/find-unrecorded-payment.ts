import { getGateway } from "@/lib/payments/get-gateway";
import type { TPaymentOutcome } from "@/lib/payments/gateway";

/**
 * The gateway's payment for a purchase that never stored its PaymentIntent id (the server died
 * between the charge and the write): found by the `purchaseId` every payment carries in its
 * metadata, and only if it also names the purchase's workspace. A succeeded one wins over
 * attempts that did not; null when the gateway has none (yet: its search index may lag).
 */
export async function findUnrecordedPayment(purchase: { id: string; workspaceId: string }): Promise<TPaymentOutcome | null> {
  const payments = await getGateway().findPaymentsByMetadata("purchaseId", purchase.id);
  const ours = payments.filter((payment) => payment.metadata.workspaceId === purchase.workspaceId);
  return ours.find((payment) => payment.status === "succeeded") ?? ours[0] ?? null;
}

import { getGateway } from "@/lib/payments/get-gateway";
import type { Purchase } from "@/lib/generated/prisma/client";

export type TPurchaseView = {
  purchaseId: string;
  status: "succeeded" | "requires_action" | "requires_payment_method" | "failed" | "canceled";
  credits: number;
  amountMinor: number;
  currency: string;
  /** For the browser to confirm a new card or complete 3-D Secure. */
  clientSecret: string | null;
  message: string | null;
};

/** What the buyer's browser needs next; the client secret is read fresh from the gateway. */
export async function purchaseView(purchase: Purchase): Promise<TPurchaseView> {
  const base = { purchaseId: purchase.id, credits: purchase.credits, amountMinor: purchase.amountMinor, currency: purchase.currency };
  if (purchase.status === "succeeded" || purchase.status === "canceled") return { ...base, status: purchase.status, clientSecret: null, message: null };
  if (!purchase.gatewayPaymentIntentId) return { ...base, status: "failed", clientSecret: null, message: purchase.failureMessage ?? "The payment could not be started. Try again." };
  const payment = await getGateway().retrievePayment(purchase.gatewayPaymentIntentId);
  const clientSecret = "clientSecret" in payment ? payment.clientSecret : null;
  if (purchase.status === "failed") return { ...base, status: "failed", clientSecret, message: purchase.failureMessage };
  return { ...base, status: purchase.status === "requires_action" ? "requires_action" : "requires_payment_method", clientSecret, message: null };
}

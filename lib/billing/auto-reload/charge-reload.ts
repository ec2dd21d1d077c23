import { prisma } from "@/lib/db";
import { getGateway } from "@/lib/payments/get-gateway";
import type { TPaymentOutcome } from "@/lib/payments/gateway";
import { paymentAttemptKey } from "@/lib/billing/purchases/payment-attempt-key";
import { applyPaymentOutcome } from "@/lib/billing/purchases/apply-payment-outcome";
import { handleReloadFailure } from "@/lib/billing/auto-reload/handle-reload-failure";
import { getChargeCustomer } from "@/lib/billing/payers/get-charge-customer";

export type TReloadOutcome =
  | { status: "reloaded"; purchaseId: string }
  | { status: "failed" | "authentication_required"; purchaseId: string }
  | { status: "in_flight"; purchaseId: string };

/**
 * Charges a claimed auto-reload off-session with the workspace's card (while its holder still
 * pays for the workspace) (or, when it was charged
 * already, re-reads the payment), then settles it: credits, invoice, receipt email and notice on
 * success (fulfillPurchase, exactly once); pause or turn-off and the owners told on failure. The
 * gateway key is the purchase's and the card's, so running this twice never charges twice.
 */
export async function chargeReload(options: { workspaceId: string; purchaseId: string }): Promise<TReloadOutcome> {
  const purchase = await prisma.purchase.findFirstOrThrow({ where: { id: options.purchaseId, workspaceId: options.workspaceId, kind: "auto_reload" } });
  const charge = await getChargeCustomer(purchase);
  const customer = charge.ok ? charge.customer : null;
  const gateway = getGateway();
  let outcome: TPaymentOutcome;
  if (purchase.gatewayPaymentIntentId) {
    outcome = await gateway.retrievePayment(purchase.gatewayPaymentIntentId);
  } else if (!charge.ok) {
    outcome = { status: "failed", paymentIntentId: null, clientSecret: null, code: charge.code, declineCode: null, message: charge.message };
  } else if (!customer?.defaultPaymentMethodId) {
    outcome = { status: "failed", paymentIntentId: null, clientSecret: null, code: "no_saved_card", declineCode: null, message: "There is no saved card to charge." };
  } else {
    outcome = await gateway.createPayment({
      amountMinor: purchase.amountMinor,
      currency: purchase.currency,
      customerId: customer.gatewayCustomerId,
      description: purchase.description,
      metadata: { purchaseId: purchase.id, workspaceId: purchase.workspaceId, autoReload: "true" },
      idempotencyKey: paymentAttemptKey(purchase.id, customer.defaultPaymentMethodId),
      paymentMethodId: customer.defaultPaymentMethodId,
      offSession: true,
    });
  }
  const settled = await applyPaymentOutcome(purchase.id, outcome);
  const done = { reloadingPurchaseId: null, reloadingSince: null };
  if (settled.status === "succeeded") {
    await prisma.autoReloadSetting.updateMany({ where: { workspaceId: purchase.workspaceId, reloadingPurchaseId: purchase.id }, data: done });
    return { status: "reloaded", purchaseId: purchase.id };
  }
  const authenticationRequired = settled.status === "requires_action" || settled.failureCode === "authentication_required";
  if (settled.status === "failed" || authenticationRequired) {
    await handleReloadFailure({ purchase: settled, paymentMethodId: customer?.defaultPaymentMethodId ?? null, authenticationRequired });
    return { status: authenticationRequired ? "authentication_required" : "failed", purchaseId: purchase.id };
  }
  // Still processing: it stays in flight; the settle job or the webhook finishes it.
  return { status: "in_flight", purchaseId: purchase.id };
}

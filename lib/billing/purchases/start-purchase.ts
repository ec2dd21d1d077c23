import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getWorkspacePolicy } from "@/lib/credits/policy";
import { getGateway } from "@/lib/payments/get-gateway";
import { quoteOffers } from "@/lib/billing/purchases/quote-offers";
import { formatMoney } from "@/lib/format";
import { noPaidPlanError } from "@/lib/billing/purchases/no-paid-plan-error";
import { resolveBeneficiaries } from "@/lib/billing/purchases/resolve-beneficiaries";
import { resolvePurchasePayer } from "@/lib/billing/payers/resolve-purchase-payer";
import { getChargeCustomer } from "@/lib/billing/payers/get-charge-customer";
import { paymentAttemptKey } from "@/lib/billing/purchases/payment-attempt-key";
import { findUnrecordedPayment } from "@/lib/billing/purchases/find-unrecorded-payment";
import { applyPaymentOutcome } from "@/lib/billing/purchases/apply-payment-outcome";
import { purchaseView, type TPurchaseView } from "@/lib/billing/purchases/purchase-view";
import type { Purchase } from "@/lib/generated/prisma/client";

export type TStartPurchaseOptions = {
  workspaceId: string;
  buyer: { userId: string; email: string; name: string; role: string };
  offerId: string;
  target: "self" | "members" | "pool";
  memberIds: string[];
  payWith: "saved_card" | "new_card";
  /** The total the buyer was shown: the purchase is made only at exactly this price. */
  quotedAmountMinor: number;
  idempotencyKey: string;
};

/**
 * Starts a credit purchase: prices the offer with quoteOffers, checks who may buy for whom and
 * that the paid plan the policy's unit names covers them, refuses a total other than the one
 * the buyer was shown (`conflict`, reason `price_changed`), records the purchase at that price
 * and creates its payment for exactly the stored amount. A saved card is
 * charged at once (3-D Secure may still be asked in the browser); a new card is confirmed in
 * the browser. The same idempotency key always answers with the same purchase.
 */
export async function startPurchase(options: TStartPurchaseOptions): Promise<TPurchaseView> {
  const existing = await prisma.purchase.findUnique({ where: { workspaceId_idempotencyKey: { workspaceId: options.workspaceId, idempotencyKey: options.idempotencyKey } } });
  // No payment recorded yet (the gateway was unreachable, or refused the card before making
  // one): this retry is an attempt with the card chosen now, under that attempt's own key. An
  // earlier attempt whose answer was lost may have charged already: adopt it, never charge twice.
  if (existing && !existing.gatewayPaymentIntentId && (existing.status === "pending" || existing.status === "failed")) {
    const earlier = existing.status === "pending" ? await findUnrecordedPayment(existing) : null;
    return earlier ? purchaseView(await applyPaymentOutcome(existing.id, earlier)) : chargePurchase(existing, options.payWith);
  }
  if (existing) return purchaseView(existing);

  const policy = await getWorkspacePolicy({ workspaceId: options.workspaceId });
  const beneficiaries = await resolveBeneficiaries({ workspaceId: options.workspaceId, buyer: options.buyer, policy, target: options.target, memberIds: options.memberIds });
  const quote = await quoteOffers({ workspaceId: options.workspaceId, policy, beneficiaries });
  if (quote.ineligible.length > 0) throw await noPaidPlanError({ workspaceId: options.workspaceId, policy, target: options.target, ineligible: quote.ineligible });
  if (quote.mixedPrices) throw new AppError("invalid_request", "These members are on plans with different credit prices: buy for each plan's members separately.", { field: "memberIds" });
  const offer = quote.offers.find((o) => o.id === options.offerId);
  if (!offer) throw new AppError("invalid_request", "That credit package is not offered here.", { field: "offerId" });
  const totalMinor = offer.amountMinor * beneficiaries.length;
  if (options.quotedAmountMinor !== totalMinor) {
    throw new AppError("conflict", `The price is now ${formatMoney(totalMinor, offer.currency)}. Nothing was charged: check the new price and pay again.`, { reason: "price_changed", amountMinor: totalMinor, currency: offer.currency });
  }

  // Own top-ups are paid with one's own card; anything bought for others with the workspace's.
  const payer = await resolvePurchasePayer({ workspaceId: options.workspaceId, buyer: options.buyer, scope: options.target === "self" ? "personal" : "workspace", payWith: options.payWith });
  const kind = policy.pricing.kind === "plan_units" ? "extra" : "top_up";
  const description = beneficiaries.length > 1 ? `${offer.label} for ${beneficiaries.length} members` : `${offer.label} (${kind === "extra" ? "extra credits" : "top-up"})`;
  let purchase;
  try {
    purchase = await prisma.purchase.create({
      data: {
        workspaceId: options.workspaceId,
        buyerUserId: options.buyer.userId,
        payerUserId: payer.payerUserId,
        payerScope: payer.payerScope,
        kind,
        description,
        credits: offer.credits * beneficiaries.length,
        amountMinor: totalMinor,
        currency: offer.currency,
        idempotencyKey: options.idempotencyKey,
        lines: { create: beneficiaries.map((userId) => ({ beneficiaryUserId: userId, credits: offer.credits, amountMinor: offer.amountMinor })) },
      },
    });
  } catch (error) {
    // A concurrent request with the same key won the insert: answer with its purchase.
    if ((error as { code?: string }).code !== "P2002") throw error;
    return purchaseView(await prisma.purchase.findUniqueOrThrow({ where: { workspaceId_idempotencyKey: { workspaceId: options.workspaceId, idempotencyKey: options.idempotencyKey } } }));
  }

  return chargePurchase(purchase, options.payWith);
}

/** Creates the purchase's payment at the gateway (idempotent per purchase) and applies the outcome. */
async function chargePurchase(purchase: Purchase, payWith: "saved_card" | "new_card"): Promise<TPurchaseView> {
  const charge = await getChargeCustomer(purchase);
  if (!charge.ok) {
    await prisma.purchase.updateMany({ where: { id: purchase.id, gatewayPaymentIntentId: null }, data: { status: "canceled", failureCode: charge.code, failureMessage: charge.message } });
    throw new AppError("forbidden", charge.message, { reason: charge.code });
  }
  const customer = charge.customer;
  if (!customer) throw new AppError("invalid_request", "There is no saved card yet: enter a card to pay.", { field: "payWith" });
  if (payWith === "new_card" && purchase.payerUserId !== purchase.buyerUserId) {
    throw new AppError("forbidden", "Purchases for the workspace are charged to its card. Only its holder can pay with another card.", { field: "payWith" });
  }
  const paymentMethodId = payWith === "saved_card" ? (customer.defaultPaymentMethodId ?? undefined) : undefined;
  if (payWith === "saved_card" && !paymentMethodId) throw new AppError("invalid_request", "There is no saved card yet: enter a card to pay.", { field: "payWith" });
  const outcome = await getGateway().createPayment({
    amountMinor: purchase.amountMinor,
    currency: purchase.currency,
    customerId: customer.gatewayCustomerId,
    description: purchase.description,
    metadata: { purchaseId: purchase.id, workspaceId: purchase.workspaceId },
    idempotencyKey: paymentAttemptKey(purchase.id, paymentMethodId),
    paymentMethodId,
    // Always: a card entered after a saved card failed is kept for next time too.
    saveCard: true,
  });
  return purchaseView(await applyPaymentOutcome(purchase.id, outcome));
}

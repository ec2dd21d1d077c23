import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getGateway } from "@/lib/payments/get-gateway";
import { resolvePurchasePayer } from "@/lib/billing/payers/resolve-purchase-payer";
import { paymentAttemptKey } from "@/lib/billing/purchases/payment-attempt-key";
import { applyPaymentOutcome } from "@/lib/billing/purchases/apply-payment-outcome";
import { purchaseView, type TPurchaseView } from "@/lib/billing/purchases/purchase-view";
import { formatMoney } from "@/lib/format";
import { getPlanState } from "@/lib/billing/subscriptions/get-plan-state";
import { quotePlanChange } from "@/lib/billing/subscriptions/quote-plan-change";

export type TStartSubscriptionPurchaseOptions = {
  workspaceId: string;
  /** The subscriber: null = the whole workspace, or one member's personal plan. */
  userId: string | null;
  buyer: { userId: string; email: string; name: string };
  planKey: string;
  payWith: "saved_card" | "new_card";
  idempotencyKey: string;
};

const REFUSALS: Record<string, string> = {
  current: "This is already your plan.",
  downgrade: "A cheaper plan starts at the end of the paid period: schedule the change instead.",
  cancel: "Choosing Free cancels the plan at the end of the period: cancel instead.",
  resume: "This plan is still running: keep it instead of paying again.",
  none: "There is nothing to pay for this plan.",
};

/**
 * Starts paying for a plan (subscribe, upgrade, or pay again after a failed renewal): prices it on
 * the server (an upgrade credits the current period's unused time), records a purchase of kind
 * `subscription` and its payment, exactly like a top-up; fulfilment then makes the subscription.
 * The same idempotency key always answers with the same purchase.
 */
export async function startSubscriptionPurchase(options: TStartSubscriptionPurchaseOptions): Promise<TPurchaseView> {
  const key = { workspaceId_idempotencyKey: { workspaceId: options.workspaceId, idempotencyKey: options.idempotencyKey } };
  const existing = await prisma.purchase.findUnique({ where: key });
  if (existing) return purchaseView(existing);

  const plan = await prisma.plan.findFirst({ where: { key: options.planKey, active: true } });
  if (!plan) throw new AppError("not_found", "No such plan.", { field: "planKey" });
  const state = await getPlanState({ workspaceId: options.workspaceId, userId: options.userId });
  const quote = quotePlanChange(state, plan);
  if (quote.change !== "subscribe" && quote.change !== "upgrade") {
    throw new AppError("invalid_request", REFUSALS[quote.change] ?? "This plan change is not possible.", { field: "planKey", change: quote.change });
  }
  // A personal plan is paid with the member's own card; the workspace's plan with the workspace's.
  const { customer, ...payer } = await resolvePurchasePayer({ workspaceId: options.workspaceId, buyer: options.buyer, scope: options.userId === null ? "workspace" : "personal", payWith: options.payWith });
  const description = quote.change === "upgrade" && state
    ? `${plan.name} plan (upgrade from ${state.plan.name}, ${formatMoney(quote.creditMinor, plan.currency)} unused time credited)`
    : `${plan.name} plan`;

  let purchase;
  try {
    purchase = await prisma.$transaction(async (tx) => {
      const created = await tx.purchase.create({
        data: {
          workspaceId: options.workspaceId,
          buyerUserId: options.buyer.userId,
          payerUserId: payer.payerUserId,
          payerScope: payer.payerScope,
          kind: "subscription",
          description,
          credits: plan.creditsPerCycle,
          amountMinor: quote.amountMinor,
          currency: plan.currency,
          idempotencyKey: options.idempotencyKey,
          lines: { create: [{ beneficiaryUserId: options.userId, credits: plan.creditsPerCycle, amountMinor: quote.amountMinor }] },
        },
      });
      await tx.subscriptionCharge.create({ data: { purchaseId: created.id, workspaceId: options.workspaceId, reason: "start", planId: plan.id, userId: options.userId } });
      return created;
    });
  } catch (error) {
    // A concurrent request with the same key won the insert: answer with its purchase.
    if ((error as { code?: string }).code !== "P2002") throw error;
    return purchaseView(await prisma.purchase.findUniqueOrThrow({ where: key }));
  }

  const paymentMethodId = options.payWith === "saved_card" ? (customer.defaultPaymentMethodId ?? undefined) : undefined;
  const outcome = await getGateway().createPayment({
    amountMinor: purchase.amountMinor,
    currency: purchase.currency,
    customerId: customer.gatewayCustomerId,
    description,
    metadata: { purchaseId: purchase.id, workspaceId: options.workspaceId, kind: "subscription" },
    idempotencyKey: paymentAttemptKey(purchase.id, paymentMethodId),
    paymentMethodId,
    // Renewals charge this card off-session.
    saveCard: true,
  });
  return purchaseView(await applyPaymentOutcome(purchase.id, outcome));
}

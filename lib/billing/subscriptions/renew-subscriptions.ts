import { prisma } from "@/lib/db";
import { getGateway } from "@/lib/payments/get-gateway";
import { applyPaymentOutcome } from "@/lib/billing/purchases/apply-payment-outcome";
import { declineMessage } from "@/lib/billing/purchases/decline-message";
import { markSubscriptionPastDue } from "@/lib/billing/subscriptions/mark-subscription-past-due";

const BATCH = 100;

/**
 * Job: charges every active, billed subscription whose paid period has ended for its next period,
 * off-session on the payer's saved card (a scheduled downgrade is charged at its own price and
 * switched to). Success extends the paid period in fulfilment; a decline, a card needing 3-D
 * Secure or no card marks it `past_due`. Also records cancelled plans whose end has passed as
 * ended. Idempotent: the purchase key is the subscription and period, the charge key the purchase.
 */
export async function renewSubscriptions(options: { now?: Date } = {}) {
  const now = options.now ?? new Date();
  const ended = await prisma.subscription.updateMany({ where: { status: "canceled", endsAt: { lte: now } }, data: { status: "ended" } });
  const due = await prisma.subscriptionBilling.findMany({ where: { paidThroughAt: { lte: now } }, orderBy: { paidThroughAt: "asc" }, take: BATCH });
  let renewed = 0;
  let failed = 0;
  for (const billing of due) {
    const outcome = await renewOne(billing, now);
    if (outcome === "renewed") renewed += 1;
    if (outcome === "failed") failed += 1;
  }
  return { renewed, failed, ended: ended.count };
}

async function renewOne(billing: { subscriptionId: string; workspaceId: string; payerUserId: string; paidThroughAt: Date; scheduledPlanId: string | null }, now: Date) {
  const subscription = await prisma.subscription.findFirst({ where: { id: billing.subscriptionId, status: "active", endsAt: null }, include: { plan: true } });
  if (!subscription) return "skipped";
  const plan = billing.scheduledPlanId ? await prisma.plan.findUniqueOrThrow({ where: { id: billing.scheduledPlanId } }) : subscription.plan;
  const idempotencyKey = `renewal:${subscription.id}:${billing.paidThroughAt.toISOString()}`;
  const key = { workspaceId_idempotencyKey: { workspaceId: billing.workspaceId, idempotencyKey } };
  let purchase = await prisma.purchase.findUnique({ where: key });
  if (!purchase) {
    try {
      purchase = await prisma.$transaction(async (tx) => {
        const created = await tx.purchase.create({
          data: {
            workspaceId: billing.workspaceId,
            buyerUserId: billing.payerUserId,
            kind: "subscription",
            description: `${plan.name} plan (renewal)`,
            credits: plan.creditsPerCycle,
            amountMinor: plan.priceMinor,
            currency: plan.currency,
            idempotencyKey,
            lines: { create: [{ beneficiaryUserId: subscription.userId, credits: plan.creditsPerCycle, amountMinor: plan.priceMinor }] },
          },
        });
        await tx.subscriptionCharge.create({ data: { purchaseId: created.id, workspaceId: billing.workspaceId, reason: "renewal", planId: plan.id, userId: subscription.userId, subscriptionId: subscription.id, periodStart: billing.paidThroughAt } });
        return created;
      });
    } catch (error) {
      // Another run of the job created it a moment earlier.
      if ((error as { code?: string }).code !== "P2002") throw error;
      purchase = await prisma.purchase.findUniqueOrThrow({ where: key });
    }
  }
  if (purchase.status === "succeeded") return "renewed";
  const customer = await prisma.billingCustomer.findUnique({ where: { userId: billing.payerUserId } });
  if (!customer?.defaultPaymentMethodId) {
    await markSubscriptionPastDue({ subscriptionId: subscription.id, reason: "There is no saved card to charge.", now });
    return "failed";
  }
  const outcome = await getGateway().createPayment({
    amountMinor: purchase.amountMinor,
    currency: purchase.currency,
    customerId: customer.gatewayCustomerId,
    description: purchase.description,
    metadata: { purchaseId: purchase.id, workspaceId: billing.workspaceId, kind: "subscription" },
    idempotencyKey: `purchase:${purchase.id}`,
    paymentMethodId: customer.defaultPaymentMethodId,
    offSession: true,
  });
  const settled = await applyPaymentOutcome(purchase.id, outcome);
  if (settled.status === "succeeded") return "renewed";
  const reason = outcome.status === "failed" ? declineMessage(outcome) : "Your bank asked to confirm the payment, which needs you present.";
  await markSubscriptionPastDue({ subscriptionId: subscription.id, reason, now });
  return "failed";
}

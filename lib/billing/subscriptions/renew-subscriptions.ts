import { prisma } from "@/lib/db";
import { getGateway } from "@/lib/payments/get-gateway";
import { paymentAttemptKey } from "@/lib/billing/purchases/payment-attempt-key";
import { applyPaymentOutcome } from "@/lib/billing/purchases/apply-payment-outcome";
import { declineMessage } from "@/lib/billing/purchases/decline-message";
import { markSubscriptionPastDue } from "@/lib/billing/subscriptions/mark-subscription-past-due";
import { noteRenewalError } from "@/lib/billing/subscriptions/note-renewal-error";
import { getWorkspacePayer } from "@/lib/billing/payers/get-workspace-payer";
import { getChargeCustomer } from "@/lib/billing/payers/get-charge-customer";

const BATCH = 100;

type TDueBilling = { subscriptionId: string; workspaceId: string; payerUserId: string; paidThroughAt: Date; scheduledPlanId: string | null };

/**
 * Job: charges every active, billed subscription whose paid period has ended for its next period,
 * off-session on the payer's saved card (a scheduled downgrade is charged at its own price and
 * switched to). Success extends the paid period in fulfilment; a decline, a card needing 3-D
 * Secure, no card or a card the gateway refuses marks it `past_due` (a note, the payer and owners
 * told). Each subscription is its own unit of work: an unexpected error is noted on it (owners
 * told once) and the run goes on; only active ones are picked, those not tried yet first, so none holds the queue.
 * Also records cancelled plans whose end has passed as ended. Idempotent: the purchase key is
 * the subscription and period, the charge key the purchase and card.
 */
export async function renewSubscriptions(options: { now?: Date; batch?: number } = {}) {
  const now = options.now ?? new Date();
  const ended = await prisma.subscription.updateMany({ where: { status: "canceled", endsAt: { lte: now } }, data: { status: "ended" } });
  const due = await prisma.$queryRaw<TDueBilling[]>`
    SELECT b.subscription_id AS "subscriptionId", b.workspace_id AS "workspaceId", b.payer_user_id AS "payerUserId",
           b.paid_through_at AS "paidThroughAt", b.scheduled_plan_id AS "scheduledPlanId"
    FROM subscription_billings b JOIN subscriptions s ON s.id = b.subscription_id
    WHERE b.paid_through_at <= ${now} AND s.status = 'active' AND s.ends_at IS NULL
    ORDER BY b.last_attempt_at ASC NULLS FIRST, b.paid_through_at ASC
    LIMIT ${options.batch ?? BATCH}`;
  let renewed = 0;
  let failed = 0;
  for (const billing of due) {
    const outcome = await renewOne(billing, now).catch(async (error: unknown) => {
      await noteRenewalError({ subscriptionId: billing.subscriptionId, workspaceId: billing.workspaceId, error, now });
      return "failed" as const;
    });
    if (outcome === "renewed") renewed += 1;
    if (outcome === "failed") failed += 1;
  }
  return { renewed, failed, ended: ended.count };
}

async function renewOne(billing: TDueBilling, now: Date) {
  const subscription = await prisma.subscription.findFirst({ where: { id: billing.subscriptionId, status: "active", endsAt: null }, include: { plan: true } });
  if (!subscription) return "skipped";
  const plan = billing.scheduledPlanId ? await prisma.plan.findUniqueOrThrow({ where: { id: billing.scheduledPlanId } }) : subscription.plan;
  const idempotencyKey = `renewal:${subscription.id}:${billing.paidThroughAt.toISOString()}`;
  const key = { workspaceId_idempotencyKey: { workspaceId: billing.workspaceId, idempotencyKey } };
  // The workspace's plan renews on the workspace's payment method as it is now; a personal plan
  // on its member's own card.
  const payer = subscription.userId === null
    ? { payerUserId: (await getWorkspacePayer({ workspaceId: billing.workspaceId }))?.userId ?? billing.payerUserId, payerScope: "workspace" as const }
    : { payerUserId: billing.payerUserId, payerScope: "personal" as const };
  let purchase = await prisma.purchase.findUnique({ where: key });
  if (purchase && !purchase.gatewayPaymentIntentId && purchase.status === "pending" && purchase.payerUserId !== payer.payerUserId) {
    purchase = await prisma.purchase.update({ where: { id: purchase.id }, data: payer });
  }
  if (!purchase) {
    try {
      purchase = await prisma.$transaction(async (tx) => {
        const created = await tx.purchase.create({
          data: {
            workspaceId: billing.workspaceId,
            buyerUserId: payer.payerUserId,
            ...payer,
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
  const charge = await getChargeCustomer(purchase);
  if (!charge.ok) {
    await markSubscriptionPastDue({ subscriptionId: subscription.id, reason: charge.message, now });
    return "failed";
  }
  const customer = charge.customer;
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
    idempotencyKey: paymentAttemptKey(purchase.id, customer.defaultPaymentMethodId),
    paymentMethodId: customer.defaultPaymentMethodId,
    offSession: true,
  });
  const settled = await applyPaymentOutcome(purchase.id, outcome);
  if (settled.status === "succeeded") return "renewed";
  const reason = outcome.status === "failed" ? declineMessage(outcome) : "Your bank asked to confirm the payment, which needs you present.";
  await markSubscriptionPastDue({ subscriptionId: subscription.id, reason, now });
  return "failed";
}

import { prisma } from "@/lib/db";
import { enqueueEmail } from "@/lib/notify/enqueue-email";
import { createNotification } from "@/lib/notify/create-notification";
import { recordAudit } from "@/lib/audit/record-audit";
import { endPlanCredits } from "@/lib/billing/subscriptions/end-plan-credits";

/**
 * A renewal that could not be charged: the subscription becomes `past_due` and stops at the end
 * of what was paid (no allotment for the unpaid period; one already made is ended), the payer
 * gets an email and the payer and owners an in-app notice with a link to pay. Top-ups stay.
 * Idempotent.
 */
export async function markSubscriptionPastDue(options: { subscriptionId: string; reason: string; now?: Date }) {
  const now = options.now ?? new Date();
  const billing = await prisma.subscriptionBilling.findUnique({ where: { subscriptionId: options.subscriptionId } });
  if (!billing) return;
  await prisma.$transaction(async (tx) => {
    const updated = await tx.subscription.updateMany({ where: { id: options.subscriptionId, status: "active" }, data: { status: "past_due", endsAt: billing.paidThroughAt } });
    await tx.subscriptionBilling.update({ where: { subscriptionId: options.subscriptionId }, data: { lastFailureMessage: options.reason, lastAttemptAt: now } });
    if (updated.count === 0) return false;
    const subscription = await tx.subscription.findUniqueOrThrow({ where: { id: options.subscriptionId }, include: { plan: true, workspace: true } });
    const payer = await tx.user.findUniqueOrThrow({ where: { id: billing.payerUserId } });
    const href = `/w/${subscription.workspace.slug}/billing`;
    await recordAudit(tx, { workspaceId: subscription.workspaceId, action: "subscription.past_due", targetType: "subscription", targetId: subscription.id, details: { plan: subscription.plan.key, reason: options.reason } });
    const owners = await tx.membership.findMany({ where: { workspaceId: subscription.workspaceId, role: "owner" }, select: { userId: true } });
    for (const userId of new Set([payer.id, ...owners.map((o) => o.userId)])) {
      await createNotification(tx, { workspaceId: subscription.workspaceId, userId, kind: "subscription_past_due", title: `${subscription.plan.name} renewal failed`, body: options.reason, href });
    }
    await enqueueEmail(
      {
        to: payer.email,
        kind: "billing_renewal_failed",
        workspaceId: subscription.workspaceId,
        subject: `Action needed: the ${subscription.plan.name} plan of ${subscription.workspace.name} could not be renewed`,
        text: `Hello ${payer.name},\n\nWe could not charge your card for the next period of the ${subscription.plan.name} plan in ${subscription.workspace.name}: ${options.reason}\nPlan credits stop until it is paid; top-up credits are kept. Update the card and pay on the Billing page: ${href}\n\nRefill`,
      },
      tx,
    );
    return true;
  });
  await endPlanCredits({ workspaceId: billing.workspaceId, subscriptionId: options.subscriptionId, from: billing.paidThroughAt, now });
}

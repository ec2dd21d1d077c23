import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { getPlanState } from "@/lib/billing/subscriptions/get-plan-state";
import { quotePlanChange } from "@/lib/billing/subscriptions/quote-plan-change";

/**
 * Schedules a move to a cheaper paid plan at the end of the paid period: nothing is charged now;
 * the renewal charges the new plan's price and switches. Plan credits of the current period stay.
 */
export async function scheduleDowngrade(options: { workspaceId: string; userId: string | null; planKey: string; actorUserId: string }) {
  const plan = await prisma.plan.findFirst({ where: { key: options.planKey, active: true } });
  if (!plan) throw new AppError("not_found", "No such plan.", { field: "planKey" });
  const state = await getPlanState({ workspaceId: options.workspaceId, userId: options.userId });
  const quote = quotePlanChange(state, plan);
  if (quote.change !== "downgrade" || !state) throw new AppError("invalid_request", "Only a cheaper paid plan can be scheduled for the end of the period.", { field: "planKey", change: quote.change });
  await prisma.$transaction(async (tx) => {
    await tx.subscriptionBilling.update({ where: { subscriptionId: state.subscription.id }, data: { scheduledPlanId: plan.id } });
    await recordAudit(tx, { workspaceId: options.workspaceId, actorUserId: options.actorUserId, action: "subscription.downgrade_scheduled", targetType: "subscription", targetId: state.subscription.id, details: { from: state.plan.key, to: plan.key, at: quote.effectiveAt.toISOString() } });
  });
  return { effectiveAt: quote.effectiveAt, planName: plan.name };
}

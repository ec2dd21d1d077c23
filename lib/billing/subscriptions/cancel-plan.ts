import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { getPlanState } from "@/lib/billing/subscriptions/get-plan-state";

/**
 * Cancels a paid plan at the end of its paid period (moving to Free then): plan credits stay
 * usable until that moment, no allotment or charge follows, a scheduled downgrade is dropped,
 * and top-ups are untouched (paused afterwards only where the policy pauses them without a plan).
 */
export async function cancelPlan(options: { workspaceId: string; userId: string | null; actorUserId: string }) {
  const state = await getPlanState({ workspaceId: options.workspaceId, userId: options.userId });
  if (!state || !state.plan.paid || state.current.status !== "active") throw new AppError("invalid_request", "There is no running paid plan to cancel.");
  const endsAt = state.periodEnd;
  await prisma.$transaction(async (tx) => {
    await tx.subscription.update({ where: { id: state.subscription.id }, data: { status: "canceled", endsAt } });
    if (state.billing) await tx.subscriptionBilling.update({ where: { subscriptionId: state.subscription.id }, data: { scheduledPlanId: null } });
    await recordAudit(tx, { workspaceId: options.workspaceId, actorUserId: options.actorUserId, action: "subscription.canceled", targetType: "subscription", targetId: state.subscription.id, details: { plan: state.plan.key, endsAt: endsAt.toISOString() } });
  });
  return { endsAt };
}

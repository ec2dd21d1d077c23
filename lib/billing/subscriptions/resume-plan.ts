import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { getPlanState } from "@/lib/billing/subscriptions/get-plan-state";

/**
 * Keeps the current plan after all: undoes a cancellation still before its end, or drops a
 * scheduled downgrade. Renewal then continues as before.
 */
export async function resumePlan(options: { workspaceId: string; userId: string | null; actorUserId: string }) {
  const state = await getPlanState({ workspaceId: options.workspaceId, userId: options.userId });
  const canceled = state?.current.status === "canceled";
  if (!state || (!canceled && !state.scheduledPlan)) throw new AppError("invalid_request", "The plan is not set to end or change.");
  await prisma.$transaction(async (tx) => {
    // Only while still before its end: a cancellation that took effect stays.
    if (canceled) {
      const kept = await tx.subscription.updateMany({ where: { id: state.subscription.id, status: "canceled", endsAt: { gt: new Date() } }, data: { status: "active", endsAt: null } });
      if (kept.count === 0) throw new AppError("conflict", "This plan has already ended: subscribe again instead.");
    }
    if (state.billing) await tx.subscriptionBilling.update({ where: { subscriptionId: state.subscription.id }, data: { scheduledPlanId: null } });
    await recordAudit(tx, { workspaceId: options.workspaceId, actorUserId: options.actorUserId, action: "subscription.resumed", targetType: "subscription", targetId: state.subscription.id, details: { plan: state.plan.key } });
  });
  return { planName: state.plan.name };
}

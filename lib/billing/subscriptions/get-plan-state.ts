import { prisma } from "@/lib/db";
import { cycleBounds } from "@/lib/plans/cycle-bounds";
import type { TCurrentPlan } from "@/lib/billing/subscriptions/plan-change";

export type TPlanState = Awaited<ReturnType<typeof getPlanState>>;

/**
 * The live subscription of a workspace (userId null) or of one member, with its billing row, the
 * paid period and any downgrade waiting for the period's end; null when there is none. A
 * cancelled plan past its end counts as ended even before the renewal job records it.
 */
export async function getPlanState(options: { workspaceId: string; userId: string | null; now?: Date }) {
  const now = options.now ?? new Date();
  const subscription = await prisma.subscription.findFirst({
    where: { workspaceId: options.workspaceId, userId: options.userId, status: { not: "ended" } },
    include: { plan: true },
    orderBy: { createdAt: "desc" },
  });
  if (!subscription) return null;
  const billing = await prisma.subscriptionBilling.findUnique({ where: { subscriptionId: subscription.id } });
  const scheduledPlan = billing?.scheduledPlanId ? await prisma.plan.findUnique({ where: { id: billing.scheduledPlanId } }) : null;
  // A billed plan's period is the one its payment covers; otherwise the cycle containing now.
  const within = billing ? new Date(Math.min(now.getTime(), billing.paidThroughAt.getTime() - 1)) : now;
  const period = cycleBounds(subscription.anchorAt, subscription.plan.interval, within);
  const ended = subscription.status === "canceled" && subscription.endsAt !== null && subscription.endsAt <= now;
  const current: TCurrentPlan = { plan: subscription.plan, status: ended ? "ended" : subscription.status, billed: billing !== null };
  return { subscription, plan: subscription.plan, billing, scheduledPlan, periodStart: period.start, periodEnd: billing?.paidThroughAt ?? period.end, current };
}

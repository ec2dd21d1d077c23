import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { cycleBounds } from "@/lib/billing/plans/cycle-bounds";

/**
 * Cancels at the end of the current billing period: plan credits stay usable until then and no
 * allotment is made after; top-ups are untouched.
 */
export async function cancelSubscription(options: { workspaceId: string; subscriptionId: string; at?: Date }) {
  const subscription = await prisma.subscription.findFirst({
    where: { id: options.subscriptionId, workspaceId: options.workspaceId, status: { not: "ended" } },
    include: { plan: true },
  });
  if (!subscription) throw new AppError("not_found", "No such subscription in this workspace.");
  const { end } = cycleBounds(subscription.anchorAt, subscription.plan.interval, options.at ?? new Date());
  return prisma.subscription.update({ where: { id: subscription.id }, data: { status: "canceled", endsAt: end } });
}

import { prisma } from "@/lib/db";
import { cycleBounds, type TCycle } from "@/lib/plans/cycle-bounds";
import type { Plan, Subscription } from "@/lib/generated/prisma/client";

export type TCurrentCycle = TCycle & { subscription: Subscription; plan: Plan };

/**
 * The live subscription covering a member (their own first, then the workspace's) and its
 * current allotment cycle, or null when no plan covers them.
 */
export async function getCurrentCycle(options: {
  workspaceId: string;
  userId?: string | null;
  at?: Date;
}): Promise<TCurrentCycle | null> {
  const at = options.at ?? new Date();
  const subscriptions = await prisma.subscription.findMany({
    where: {
      workspaceId: options.workspaceId,
      status: { not: "ended" },
      startedAt: { lte: at },
      OR: [{ endsAt: null }, { endsAt: { gt: at } }],
      AND: [{ OR: [{ userId: null }, ...(options.userId ? [{ userId: options.userId }] : [])] }],
    },
    include: { plan: true },
  });
  const subscription = subscriptions.find((s) => s.userId !== null) ?? subscriptions[0];
  if (!subscription) return null;
  const { plan, ...rest } = subscription;
  return { ...cycleBounds(subscription.anchorAt, plan.allotmentInterval, at), subscription: rest, plan };
}

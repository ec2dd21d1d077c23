import { prisma } from "@/lib/db";
import { getCurrentCycle } from "@/lib/plans/get-current-cycle";
import { comparePlans, type TPlanAdvice } from "@/lib/billing/plan-advice/compare-plans";

/** Plan advice for a workspace: packs bought in the current cycle (the workspace plan's, else this month, UTC). */
export async function getPlanAdvice(options: { workspaceId: string; now?: Date }): Promise<TPlanAdvice | null> {
  const now = options.now ?? new Date();
  const cycle = await getCurrentCycle({ workspaceId: options.workspaceId, at: now });
  const since = cycle?.start ?? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const [packs, plans] = await Promise.all([
    prisma.purchase.findMany({
      where: { workspaceId: options.workspaceId, kind: { in: ["top_up", "auto_reload"] }, status: "succeeded", createdAt: { gte: since } },
      select: { credits: true, amountMinor: true, currency: true },
    }),
    prisma.plan.findMany({ where: { active: true } }),
  ]);
  const currentPlan = cycle?.subscription.userId === null && cycle.plan.paid ? cycle.plan : null;
  return comparePlans({ packs, currentPlan, plans });
}

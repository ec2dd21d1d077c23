import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Starts a subscription for a workspace (userId null: credits per editor or to the pool, by
 * policy) or one member, ending any live one it replaces; cycles are anchored at `anchorAt`.
 * Allotments are made by the ledger on first touch in each cycle. Paying comes with billing.
 */
export async function createSubscription(options: {
  workspaceId: string;
  userId?: string | null;
  planKey: string;
  anchorAt?: Date;
}) {
  const plan = await prisma.plan.findUnique({ where: { key: options.planKey } });
  if (!plan) throw new AppError("not_found", "No such plan.");
  const now = new Date();
  const userId = options.userId ?? null;
  return prisma.$transaction(async (tx) => {
    await tx.subscription.updateMany({
      where: { workspaceId: options.workspaceId, userId, status: { not: "ended" } },
      data: { status: "ended", endsAt: now },
    });
    return tx.subscription.create({
      data: { workspaceId: options.workspaceId, userId, planId: plan.id, anchorAt: options.anchorAt ?? now, startedAt: now },
    });
  });
}

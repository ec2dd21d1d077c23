import { prisma } from "@/lib/db";

/** A live paid plan anywhere in the workspace (the workspace's own first), or null. */
export async function findAnyPaidPlan(workspaceId: string) {
  const now = new Date();
  const subscription = await prisma.subscription.findFirst({
    where: { workspaceId, status: "active", plan: { paid: true }, startedAt: { lte: now }, OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
    include: { plan: true },
    orderBy: [{ userId: { sort: "asc", nulls: "first" } }, { startedAt: "asc" }],
  });
  return subscription?.plan ?? null;
}

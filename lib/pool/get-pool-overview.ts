import { prisma } from "@/lib/db";
import { getBalance } from "@/lib/credits/get-balance";
import { getWorkspacePolicy } from "@/lib/credits/policy";

export type TPoolOverview = {
  enabled: boolean;
  available: number;
  /** Credits drawn from the pool this month (UTC), in total and per member. */
  usedThisMonth: number;
  members: { userId: string; name: string; role: string; capPerCycle: number | null; hasShare: boolean; usedThisMonth: number }[];
};

/** The workspace pool for its admins: what is left, and who drew how much this month against their cap. */
export async function getPoolOverview(options: { workspaceId: string; now?: Date }): Promise<TPoolOverview> {
  const policy = await getWorkspacePolicy({ workspaceId: options.workspaceId });
  if (!policy.pool.enabled) return { enabled: false, available: 0, usedThisMonth: 0, members: [] };
  const now = options.now ?? new Date();
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const pool = await getBalance({ workspaceId: options.workspaceId, member: null });
  const poolAccount = await prisma.creditAccount.findFirst({ where: { workspaceId: options.workspaceId, userId: null }, select: { id: true } });
  const [memberships, shares, draws] = await Promise.all([
    prisma.membership.findMany({ where: { workspaceId: options.workspaceId }, include: { user: { select: { name: true } } }, orderBy: { user: { name: "asc" } } }),
    prisma.poolShare.findMany({ where: { workspaceId: options.workspaceId } }),
    // Members' net movements on the pool account this month: draws negative, refunds and releases positive.
    prisma.creditLedgerEntry.groupBy({
      by: ["userId"],
      where: { workspaceId: options.workspaceId, accountId: poolAccount?.id ?? "none", type: { in: ["debit", "hold", "release", "refund"] }, createdAt: { gte: monthStart }, userId: { not: null } },
      _sum: { credits: true },
    }),
  ]);
  const usedBy = new Map(draws.map((d) => [d.userId, Math.max(0, -(d._sum.credits ?? 0))]));
  const members = memberships.map((m) => {
    const share = shares.find((s) => s.userId === m.userId);
    return {
      userId: m.userId,
      name: m.user.name,
      role: m.role,
      capPerCycle: share ? share.capPerCycle : policy.ledger.poolShareDefault,
      hasShare: Boolean(share),
      usedThisMonth: usedBy.get(m.userId) ?? 0,
    };
  });
  return { enabled: true, available: pool.available, usedThisMonth: members.reduce((sum, m) => sum + m.usedThisMonth, 0), members };
}

import { prisma } from "@/lib/db";
import type { TCreditPolicy } from "@/lib/credits/policy";

export type TFreePlanPause = { credits: number; members: number } | null;

const PAUSABLE = ["top_up", "auto_reload", "extra"] as const;

/**
 * What ending a plan would pause (policy: bought credits pause without a paid plan of its
 * unit): the bought credits still alive at `at` on the accounts that would be left without one,
 * and how many members hold them. Null when nothing would pause. Mirrors credits_context.
 */
export async function describeFreePlanPause(options: { workspaceId: string; userId: string | null; policy: TCreditPolicy; at: Date }): Promise<TFreePlanPause> {
  const { workspaceId, policy, at } = options;
  if (!policy.ledger.pauseTopUpsWithoutPaidPlan) return null;
  const memberUnit = policy.ledger.planUnit === "member";
  const livePaid = { workspaceId, status: { in: ["active" as const, "canceled" as const] }, plan: { paid: true }, startedAt: { lte: at }, OR: [{ endsAt: null }, { endsAt: { gt: at } }] };

  let accounts: { userId: string | null }[];
  if (options.userId === null) {
    // The workspace's plan ends: under the member unit, members with a paid plan of their own keep theirs.
    const covered = memberUnit ? (await prisma.subscription.findMany({ where: { ...livePaid, userId: { not: null } }, select: { userId: true } })).map((s) => s.userId as string) : [];
    accounts = [{ userId: null }, ...(await prisma.membership.findMany({ where: { workspaceId, userId: { notIn: covered } }, select: { userId: true } }))];
  } else {
    // A personal plan ends: only the member unit counts it, and only without a workspace plan.
    if (!memberUnit || (await prisma.subscription.count({ where: { ...livePaid, userId: null } })) > 0) return null;
    accounts = [{ userId: options.userId }];
  }
  const userIds = accounts.map((a) => a.userId).filter((id): id is string => id !== null);
  const grants = await prisma.creditGrant.findMany({
    where: {
      workspaceId,
      source: { in: [...PAUSABLE] },
      remaining: { gt: 0 },
      OR: [{ expiresAt: null }, { expiresAt: { gt: at } }],
      account: { OR: [...(accounts.some((a) => a.userId === null) ? [{ userId: null }] : []), { userId: { in: userIds } }] },
    },
    select: { remaining: true, account: { select: { userId: true } } },
  });
  const credits = grants.reduce((sum, g) => sum + g.remaining, 0);
  if (credits === 0) return null;
  return { credits, members: new Set(grants.map((g) => g.account.userId).filter(Boolean)).size };
}

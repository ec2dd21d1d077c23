import { prisma } from "@/lib/db";
import { getBalance } from "@/lib/credits/get-balance";

export type TMemberOverview = {
  userId: string;
  email: string;
  name: string;
  role: "owner" | "admin" | "member" | "viewer";
  joinedAt: Date;
  /** Invited and has not signed in with the invitation link yet. */
  invitationPending: boolean;
  available: number;
  pool: { capPerCycle: number | null; usedThisMonth: number } | null;
};

const MAX_MEMBERS = 500;

/**
 * The Admin page's member list: roles, whether an invitation is still unanswered, each member's
 * spendable credits and pool share. One balance call per member: fine for teams, capped at 500.
 */
export async function listMemberOverview(options: { workspaceId: string }): Promise<TMemberOverview[]> {
  const [memberships, invitations, shares] = await Promise.all([
    prisma.membership.findMany({
      where: { workspaceId: options.workspaceId },
      include: { user: { select: { id: true, email: true, name: true } } },
      orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
      take: MAX_MEMBERS,
    }),
    // Only link invitations (members from the start): a pending one has no member row to mark.
    prisma.workspaceInvitation.findMany({ where: { workspaceId: options.workspaceId, status: "link_sent" }, orderBy: { createdAt: "desc" } }),
    prisma.poolShare.findMany({ where: { workspaceId: options.workspaceId } }),
  ]);
  const latestInvitation = new Map<string, string>();
  for (const invitation of invitations) {
    if (invitation.magicLinkTokenId && !latestInvitation.has(invitation.userId)) latestInvitation.set(invitation.userId, invitation.magicLinkTokenId);
  }
  const usedTokens = new Set(
    (await prisma.magicLinkToken.findMany({ where: { id: { in: [...latestInvitation.values()] }, usedAt: { not: null } }, select: { id: true } })).map((t) => t.id),
  );
  const monthStart = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1));
  return Promise.all(
    memberships.map(async (m) => {
      const tokenId = latestInvitation.get(m.userId);
      const share = shares.find((s) => s.userId === m.userId);
      const { available } = await getBalance({ workspaceId: options.workspaceId, member: m.userId });
      return {
        userId: m.userId,
        email: m.user.email,
        name: m.user.name,
        role: m.role,
        joinedAt: m.createdAt,
        invitationPending: tokenId !== undefined && !usedTokens.has(tokenId),
        available,
        pool: share ? { capPerCycle: share.capPerCycle, usedThisMonth: share.periodStart >= monthStart ? share.used : 0 } : null,
      };
    }),
  );
}

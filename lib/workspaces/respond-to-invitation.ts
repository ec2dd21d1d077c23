import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";

/**
 * The invited person accepts (becomes a member with the invited role) or declines. Only the
 * person invited can answer, once: the invitation is claimed atomically while still pending.
 * Returns the workspace's slug.
 */
export async function respondToInvitation(options: { invitationId: string; userId: string; accept: boolean }): Promise<{ workspaceSlug: string }> {
  return prisma.$transaction(async (tx) => {
    const [claimed] = await tx.workspaceInvitation.updateManyAndReturn({
      where: { id: options.invitationId, userId: options.userId, status: "pending" },
      data: { status: options.accept ? "accepted" : "declined", respondedAt: new Date() },
    });
    if (!claimed) throw new AppError("not_found", "This invitation is no longer open.");
    const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: claimed.workspaceId }, select: { slug: true } });
    if (options.accept) {
      await tx.membership.upsert({
        where: { workspaceId_userId: { workspaceId: claimed.workspaceId, userId: options.userId } },
        create: { workspaceId: claimed.workspaceId, userId: options.userId, role: claimed.role },
        update: {},
      });
    }
    await recordAudit(tx, {
      workspaceId: claimed.workspaceId,
      actorUserId: options.userId,
      action: options.accept ? "member.invitation_accepted" : "member.invitation_declined",
      targetType: "invitation",
      targetId: claimed.id,
      details: { role: claimed.role },
    });
    return { workspaceSlug: workspace.slug };
  });
}

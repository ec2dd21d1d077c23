import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";

/** Withdraws an invitation of this workspace that is still waiting for an answer. */
export async function cancelInvitation(options: { workspaceId: string; invitationId: string; actorUserId: string }): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const [canceled] = await tx.workspaceInvitation.updateManyAndReturn({
      where: { id: options.invitationId, workspaceId: options.workspaceId, status: "pending" },
      data: { status: "canceled", respondedAt: new Date() },
    });
    if (!canceled) throw new AppError("not_found", "This invitation is no longer open.");
    await recordAudit(tx, {
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "member.invitation_canceled",
      targetType: "invitation",
      targetId: canceled.id,
      details: { email: canceled.email, role: canceled.role },
    });
  });
}

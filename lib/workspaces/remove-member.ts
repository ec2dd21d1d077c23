import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findWorkspaceMember } from "@/lib/credits/find-workspace-member";
import { recordAudit } from "@/lib/audit/record-audit";
import { endMemberPayments } from "@/lib/billing/payers/end-member-payments";
import { endAllSessions } from "@/lib/auth/end-all-sessions";

/**
 * Removes someone from the workspace: their membership goes (they lose access at once) and their
 * open top-up requests are canceled, and what they paid for ends in the same transaction
 * (auto-reload they turned on goes off, their personal plan is cancelled at period end). Their credit account and its history stay, for the books
 * and in case they come back. Owners and oneself cannot be removed here. Someone removed from
 * their last workspace is signed out everywhere: nothing they may still reach needs a session.
 */
export async function removeMember(options: { workspaceId: string; userId: string; actorUserId: string }) {
  const member = await findWorkspaceMember({ workspaceId: options.workspaceId, member: options.userId });
  if (member.userId === options.actorUserId) throw new AppError("forbidden", "You cannot remove yourself from the workspace.");
  if (member.role === "owner") throw new AppError("forbidden", "An owner cannot be removed.");
  await prisma.$transaction(async (tx) => {
    const removed = await tx.membership.deleteMany({ where: { workspaceId: options.workspaceId, userId: member.userId, role: { not: "owner" } } });
    if (removed.count === 0) throw new AppError("not_found", "No such member in this workspace.");
    if ((await tx.membership.count({ where: { userId: member.userId } })) === 0) await endAllSessions({ userId: member.userId }, tx);
    await tx.topUpRequest.updateMany({
      where: { workspaceId: options.workspaceId, requesterId: member.userId, status: "pending" },
      data: { status: "canceled", decidedAt: new Date() },
    });
    await endMemberPayments(tx, { workspaceId: options.workspaceId, userId: member.userId, role: null, actorUserId: options.actorUserId });
    await recordAudit(tx, {
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "member.removed",
      targetType: "user",
      targetId: member.userId,
      details: { email: member.email, role: member.role },
    });
  });
  return { userId: member.userId };
}

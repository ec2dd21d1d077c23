import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { findWorkspaceMember } from "@/lib/credits/find-workspace-member";
import { endMemberPayments } from "@/lib/billing/payers/end-member-payments";
import type { TUpdateMemberRoleInput } from "@/lib/workspaces/member-schemas";

/**
 * Changes a member's role. A viewer keeps their credits but cannot spend them until their role
 * allows it again; what they can no longer pay for ends (see endMemberPayments). Owners are
 * changed in the app only, so an API key cannot demote one.
 */
export async function updateMemberRole(
  options: TUpdateMemberRoleInput & { workspaceId: string; member: string; actorApiKeyId?: string; actorUserId?: string },
) {
  const member = await findWorkspaceMember({ workspaceId: options.workspaceId, member: options.member });
  if (member.role === "owner") throw new AppError("forbidden", "An owner's role can only be changed in the app.");
  const result = await prisma.$transaction(async (tx) => {
    const membership = await tx.membership.update({
      where: { workspaceId_userId: { workspaceId: options.workspaceId, userId: member.userId } },
      data: { role: options.role },
    });
    await recordAudit(tx, {
      workspaceId: options.workspaceId,
      actorApiKeyId: options.actorApiKeyId,
      actorUserId: options.actorUserId,
      action: "member.role_changed",
      targetType: "user",
      targetId: member.userId,
      details: { from: member.role, to: options.role },
    });
    // A demotion ends what the new role may no longer pay for, in the same transaction.
    await endMemberPayments(tx, { workspaceId: options.workspaceId, userId: member.userId, role: options.role, actorUserId: options.actorUserId, actorApiKeyId: options.actorApiKeyId });
    return { id: member.userId, email: member.email, role: membership.role };
  });
  return result;
}

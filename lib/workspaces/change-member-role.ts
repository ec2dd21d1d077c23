import { AppError } from "@/lib/errors";
import { updateMemberRole } from "@/lib/workspaces/update-member-role";
import { findWorkspaceMember } from "@/lib/credits/find-workspace-member";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * A role change made in the app by an owner or admin. Nobody changes their own role (so the last
 * admin cannot lock themselves out) and an owner's role is not changed here. A member made viewer
 * keeps their credits, which the ledger refuses to spend until the role allows it again.
 */
export async function changeMemberRole(options: { workspaceId: string; userId: string; role: Exclude<Role, "owner">; actorUserId: string }) {
  if (options.userId === options.actorUserId) throw new AppError("forbidden", "You cannot change your own role; ask another owner or admin.");
  const member = await findWorkspaceMember({ workspaceId: options.workspaceId, member: options.userId });
  if (member.role === "owner") throw new AppError("forbidden", "An owner's role cannot be changed here.");
  return updateMemberRole({ workspaceId: options.workspaceId, member: options.userId, role: options.role, actorUserId: options.actorUserId });
}

import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/workspaces/record-audit";
import type { TProvisionMemberInput } from "@/lib/workspaces/member-schemas";

/**
 * Adds a person to the workspace (creating the user, without a password, if new). Idempotent:
 * someone already a member is returned as they are (`created: false`), role unchanged.
 */
export async function provisionMember(
  options: TProvisionMemberInput & { workspaceId: string; actorApiKeyId?: string; actorUserId?: string },
) {
  return prisma.$transaction(async (tx) => {
    const user =
      (await tx.user.findUnique({ where: { email: options.email } })) ??
      (await tx.user.create({ data: { email: options.email, name: options.name ?? options.email.split("@")[0] } }));
    const existing = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: options.workspaceId, userId: user.id } },
    });
    if (existing) return { created: false, member: { id: user.id, email: user.email, role: existing.role } };
    const membership = await tx.membership.create({
      data: { workspaceId: options.workspaceId, userId: user.id, role: options.role },
    });
    await recordAudit(tx, {
      workspaceId: options.workspaceId,
      actorApiKeyId: options.actorApiKeyId,
      actorUserId: options.actorUserId,
      action: "member.provisioned",
      targetType: "user",
      targetId: user.id,
      details: { role: options.role },
    });
    return { created: true, member: { id: user.id, email: user.email, role: membership.role } };
  });
}

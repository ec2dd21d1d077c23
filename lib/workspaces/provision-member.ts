import { prisma } from "@/lib/db";
import { translateDatabaseError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { createPendingInvitation } from "@/lib/workspaces/create-pending-invitation";
import type { TProvisionMemberInput } from "@/lib/workspaces/member-schemas";

export type TProvisionResult =
  | { outcome: "created" | "existing"; member: { id: string; email: string; role: string } }
  | { outcome: "pending"; invitation: string };

/**
 * Adds a person to the workspace through the API. A new person is created (without a password)
 * and becomes a member; someone already a member is returned as they are, role unchanged. A person
 * who already uses Refill is never enrolled by a key: they get a pending invitation to accept in
 * the app, and the caller learns only the invitation's id (not theirs, nor their name).
 */
export async function provisionMember(
  options: TProvisionMemberInput & { workspaceId: string; actorApiKeyId: string; baseUrl: string },
): Promise<TProvisionResult> {
  const result = await prisma
    .$transaction(async (tx): Promise<TProvisionResult> => {
      const known = await tx.user.findUnique({ where: { email: options.email } });
      if (known) {
        const existing = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: options.workspaceId, userId: known.id } } });
        if (existing) return { outcome: "existing", member: { id: known.id, email: known.email, role: existing.role } };
        const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: options.workspaceId } });
        const pending = await createPendingInvitation(tx, {
          workspace,
          user: known,
          role: options.role,
          invitedBy: { apiKeyId: options.actorApiKeyId },
          baseUrl: options.baseUrl,
        });
        return { outcome: "pending", invitation: pending.id };
      }
      const user = await tx.user.create({ data: { email: options.email, name: options.name ?? options.email.split("@")[0] } });
      const membership = await tx.membership.create({ data: { workspaceId: options.workspaceId, userId: user.id, role: options.role } });
      await recordAudit(tx, {
        workspaceId: options.workspaceId,
        actorApiKeyId: options.actorApiKeyId,
        action: "member.provisioned",
        targetType: "user",
        targetId: user.id,
        details: { role: options.role },
      });
      return { outcome: "created", member: { id: user.id, email: user.email, role: membership.role } };
    })
    .catch((error) => translateDatabaseError(error, "That member"));
  return result;
}

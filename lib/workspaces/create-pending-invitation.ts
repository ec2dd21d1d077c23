import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { enqueueEmail } from "@/lib/notify/enqueue-email";
import { recordAudit } from "@/lib/audit/record-audit";

/**
 * Invites a person who already uses Refill: no membership, no name shown to the workspace, until
 * they accept in the app (their own workspaces, cards and credits are theirs to bring). Idempotent:
 * an open invitation to the same workspace is returned as it is. Must run in a transaction.
 */
export async function createPendingInvitation(
  tx: Prisma.TransactionClient,
  options: {
    workspace: { id: string; name: string };
    user: { id: string; email: string };
    role: Exclude<Role, "owner">;
    invitedBy: { userId: string; name: string } | { apiKeyId: string };
    baseUrl: string;
  },
): Promise<{ id: string; created: boolean }> {
  const open = await tx.workspaceInvitation.findFirst({ where: { workspaceId: options.workspace.id, userId: options.user.id, status: "pending" } });
  if (open) return { id: open.id, created: false };
  const invitation = await tx.workspaceInvitation.create({
    data: {
      workspaceId: options.workspace.id,
      userId: options.user.id,
      email: options.user.email,
      role: options.role,
      status: "pending",
      invitedById: "userId" in options.invitedBy ? options.invitedBy.userId : null,
      invitedByApiKeyId: "apiKeyId" in options.invitedBy ? options.invitedBy.apiKeyId : null,
    },
  });
  await recordAudit(tx, {
    workspaceId: options.workspace.id,
    actorUserId: "userId" in options.invitedBy ? options.invitedBy.userId : undefined,
    actorApiKeyId: "apiKeyId" in options.invitedBy ? options.invitedBy.apiKeyId : undefined,
    action: "member.invitation_pending",
    targetType: "invitation",
    targetId: invitation.id,
    details: { email: options.user.email, role: options.role },
  });
  const inviter = "name" in options.invitedBy ? options.invitedBy.name : `${options.workspace.name}'s integration`;
  // No sign-in link: the person signs in as usual and answers in the app, where they see who asks.
  await enqueueEmail(
    {
      to: options.user.email,
      kind: "workspace_invitation",
      workspaceId: options.workspace.id,
      subject: `${inviter} invited you to ${options.workspace.name} on Refill`,
      text: `Hello,\n\n${inviter} invited you to join ${options.workspace.name} on Refill as ${options.role}.\n\nSign in to Refill to accept or decline: ${options.baseUrl}/\nNothing changes until you accept.\n\nIf you did not expect this, decline it or ignore this email.`,
      html: `<p>Hello,</p><p>${escapeHtml(inviter)} invited you to join <strong>${escapeHtml(options.workspace.name)}</strong> on Refill as ${options.role}.</p><p><a href="${options.baseUrl}/">Sign in to Refill</a> to accept or decline. Nothing changes until you accept.</p><p>If you did not expect this, decline it or ignore this email.</p>`,
    },
    tx,
  );
  return { id: invitation.id, created: true };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

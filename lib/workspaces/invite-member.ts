import { prisma } from "@/lib/db";
import { AppError, translateDatabaseError } from "@/lib/errors";
import { newSecretToken, sha256Hex } from "@/lib/auth/secret-token";
import { enqueueEmail } from "@/lib/notify/enqueue-email";
import { recordAudit } from "@/lib/audit/record-audit";
import { createPendingInvitation } from "@/lib/workspaces/create-pending-invitation";
import type { Role } from "@/lib/generated/prisma/enums";

/** An invitation link stays usable longer than a sign-in link: people read invitations later. */
const INVITATION_LINK_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export type TInviteResult =
  | { status: "member"; member: { userId: string; email: string; role: Role } }
  | { status: "pending"; invitation: { id: string; email: string; role: Role } };

/**
 * Invites someone by email. A new person (created without a password) becomes a member with
 * `role` at once and gets a one-time sign-in link (valid 7 days). A person who already uses
 * Refill gets a pending invitation to accept in the app: no membership until then. Everything
 * commits together with its audit row and email. Someone already a member: `already_exists`.
 */
export async function inviteMember(options: {
  workspaceId: string;
  email: string;
  name?: string;
  role: Exclude<Role, "owner">;
  invitedBy: { userId: string; name: string };
  baseUrl: string;
}) {
  const email = options.email.trim().toLowerCase();
  const token = newSecretToken("ml_", 32);
  const result = await prisma.$transaction(async (tx): Promise<TInviteResult> => {
    const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: options.workspaceId } });
    const known = await tx.user.findUnique({ where: { email } });
    if (known) {
      const existing = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: options.workspaceId, userId: known.id } } });
      if (existing) throw new AppError("already_exists", `${email} is already a member of this workspace.`, { field: "email" });
      const pending = await createPendingInvitation(tx, { workspace, user: known, role: options.role, invitedBy: options.invitedBy, baseUrl: options.baseUrl });
      return { status: "pending", invitation: { id: pending.id, email, role: options.role } };
    }
    const user = await tx.user.create({ data: { email, name: options.name?.trim() || email.split("@")[0] } });
    await tx.membership.create({ data: { workspaceId: options.workspaceId, userId: user.id, role: options.role } });
    const magicLink = await tx.magicLinkToken.create({
      data: { email, tokenHash: sha256Hex(token), expiresAt: new Date(Date.now() + INVITATION_LINK_LIFETIME_MS) },
    });
    const created = await tx.workspaceInvitation.create({
      data: { workspaceId: options.workspaceId, userId: user.id, email, role: options.role, invitedById: options.invitedBy.userId, magicLinkTokenId: magicLink.id },
    });
    await recordAudit(tx, {
      workspaceId: options.workspaceId,
      actorUserId: options.invitedBy.userId,
      action: "member.invited",
      targetType: "user",
      targetId: user.id,
      details: { email, role: options.role },
    });
    const link = `${options.baseUrl}/sign-in/link?token=${encodeURIComponent(token)}`;
    await enqueueEmail(
      {
        to: email,
        kind: "workspace_invitation",
        workspaceId: options.workspaceId,
        subject: `${options.invitedBy.name} invited you to ${workspace.name} on Refill`,
        text: `Hello ${user.name},\n\n${options.invitedBy.name} invited you to join ${workspace.name} on Refill as ${options.role}.\n\nSign in with this link (it works once, for 7 days):\n${link}\n\nIf you did not expect this, ignore this email.`,
        html: `<p>Hello ${escapeHtml(user.name)},</p><p>${escapeHtml(options.invitedBy.name)} invited you to join <strong>${escapeHtml(workspace.name)}</strong> on Refill as ${options.role}.</p><p><a href="${link}">Accept and sign in</a> (the link works once, for 7 days).</p><p>If you did not expect this, ignore this email.</p>`,
      },
      tx,
    );
    return { status: "member", member: { userId: created.userId, email: created.email, role: created.role } };
  }).catch((error) => translateDatabaseError(error, "That membership"));
  return result;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

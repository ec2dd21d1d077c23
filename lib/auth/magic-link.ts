import { prisma } from "@/lib/db";
import { newSecretToken, sha256Hex } from "@/lib/auth/secret-token";
import { enqueueEmail } from "@/lib/notify/enqueue-email";

const LINK_LIFETIME_MS = 15 * 60 * 1000;

/**
 * Emails a one-time sign-in link to a known address. Unknown addresses get no email but the
 * same answer, so the form never reveals who has an account.
 */
export async function requestMagicLink(options: { email: string; baseUrl: string }): Promise<void> {
  const email = options.email.trim().toLowerCase();
  const user = await prisma.user.findUnique({ where: { email } });
  if (!user) return;
  const token = newSecretToken("ml_", 32);
  await prisma.magicLinkToken.create({
    data: { email, tokenHash: sha256Hex(token), expiresAt: new Date(Date.now() + LINK_LIFETIME_MS) },
  });
  const link = `${options.baseUrl}/sign-in/link?token=${encodeURIComponent(token)}`;
  await enqueueEmail({
    to: email,
    kind: "magic_link",
    subject: "Your Refill sign-in link",
    text: `Hello ${user.name},\n\nSign in to Refill with this link (valid for 15 minutes, once):\n${link}\n\nIf you did not ask for it, ignore this email.`,
    html: `<p>Hello ${escapeHtml(user.name)},</p><p><a href="${link}">Sign in to Refill</a> (valid for 15 minutes, once).</p><p>If you did not ask for it, ignore this email.</p>`,
  });
}

/** Marks the token used (once, atomically) and returns its user; null when unknown, used or expired. */
export async function consumeMagicLink(token: string) {
  const now = new Date();
  const claimed = await prisma.magicLinkToken.updateManyAndReturn({
    where: { tokenHash: sha256Hex(token), usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  const email = claimed[0]?.email;
  return email ? prisma.user.findUnique({ where: { email } }) : null;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

import { prisma } from "@/lib/db";
import { sha256Hex } from "@/lib/auth/secret-token";

/**
 * The address a still-usable sign-in link is for, without spending it: the link page shows it
 * and asks before signing in (opening a link must never switch accounts by itself).
 */
export async function peekMagicLink(token: string): Promise<string | null> {
  if (token.length < 10 || token.length > 200) return null;
  const link = await prisma.magicLinkToken.findUnique({ where: { tokenHash: sha256Hex(token) } });
  if (!link || link.usedAt || link.expiresAt <= new Date()) return null;
  return link.email;
}

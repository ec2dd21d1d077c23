import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Ends every session of the user at once: raises the version their session tokens carry, so the
 * next request with any of them (a copied cookie included) is signed out. Pass `tx` to make it
 * part of the change that requires it.
 */
export async function endAllSessions(options: { userId: string }, tx: Prisma.TransactionClient = prisma): Promise<void> {
  await tx.user.updateMany({ where: { id: options.userId }, data: { sessionVersion: { increment: 1 } } });
}

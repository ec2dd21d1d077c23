import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { endAllSessions } from "@/lib/auth/end-all-sessions";

/**
 * Sets a new password (the current one is required when there is one) and ends every session of
 * the user in the same transaction: whoever knew the old password, or holds a copied cookie, is out.
 */
export async function changePassword(options: { userId: string; currentPassword?: string; newPassword: string }): Promise<void> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: options.userId } });
  if (user.passwordHash && !(await verifyPassword(options.currentPassword ?? "", user.passwordHash))) {
    throw new AppError("invalid_request", "Your current password is not right.", { field: "currentPassword" });
  }
  const passwordHash = await hashPassword(options.newPassword);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await endAllSessions({ userId: user.id }, tx);
  });
}

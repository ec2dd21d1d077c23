import { prisma } from "@/lib/db";

/** Whether the person can sign in with a password (invited people start with emailed links only). */
export async function hasPassword(options: { userId: string }): Promise<boolean> {
  const user = await prisma.user.findUnique({ where: { id: options.userId }, select: { passwordHash: true } });
  return Boolean(user?.passwordHash);
}

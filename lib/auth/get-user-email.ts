import { prisma } from "@/lib/db";

/** The signed-in person's address, or null when the user no longer exists. */
export async function getUserEmail(options: { userId: string }): Promise<string | null> {
  const user = await prisma.user.findUnique({ where: { id: options.userId }, select: { email: true } });
  return user?.email ?? null;
}

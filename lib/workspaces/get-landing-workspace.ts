import { prisma } from "@/lib/db";

/**
 * Where a signed-in person lands: the workspace they used last while still a member of it, else
 * the one they joined first. Never chosen by name (a workspace named "Aaa" must not attract them).
 */
export async function getLandingWorkspace(options: { userId: string }): Promise<{ slug: string } | null> {
  const user = await prisma.user.findUnique({ where: { id: options.userId }, select: { lastWorkspaceId: true } });
  if (user?.lastWorkspaceId) {
    const last = await prisma.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: user.lastWorkspaceId, userId: options.userId } },
      select: { workspace: { select: { slug: true } } },
    });
    if (last) return last.workspace;
  }
  const first = await prisma.membership.findFirst({
    where: { userId: options.userId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { workspace: { select: { slug: true } } },
  });
  return first?.workspace ?? null;
}

import { prisma } from "@/lib/db";

/** Records the workspace the member opened, for the next sign-in; writes only when it changed. */
export async function rememberLastWorkspace(options: { userId: string; workspaceId: string }): Promise<void> {
  await prisma.user.updateMany({
    where: { id: options.userId, OR: [{ lastWorkspaceId: null }, { lastWorkspaceId: { not: options.workspaceId } }] },
    data: { lastWorkspaceId: options.workspaceId },
  });
}

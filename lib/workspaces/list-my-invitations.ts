import { prisma } from "@/lib/db";

export type TMyInvitation = { id: string; workspaceName: string; role: string; invitedBy: string; createdAt: Date };

/** The signed-in person's open invitations (only their own), newest first. */
export async function listMyInvitations(options: { userId: string }): Promise<TMyInvitation[]> {
  const invitations = await prisma.workspaceInvitation.findMany({
    where: { userId: options.userId, status: "pending" },
    include: { workspace: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
    take: 20,
  });
  const inviterIds = invitations.flatMap((i) => (i.invitedById ? [i.invitedById] : []));
  const inviters = new Map(
    (await prisma.user.findMany({ where: { id: { in: inviterIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  return invitations.map((i) => ({
    id: i.id,
    workspaceName: i.workspace.name,
    role: i.role,
    invitedBy: (i.invitedById && inviters.get(i.invitedById)) || `${i.workspace.name}'s integration`,
    createdAt: i.createdAt,
  }));
}

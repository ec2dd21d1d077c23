import { prisma } from "@/lib/db";

export type TPendingInvitation = { id: string; email: string; role: string; createdAt: Date };

/**
 * The workspace's invitations still waiting for an answer: only the address it was sent to and
 * the role offered. The person's name (and everything else about them) stays theirs until they accept.
 */
export async function listPendingInvitations(options: { workspaceId: string }): Promise<TPendingInvitation[]> {
  return prisma.workspaceInvitation.findMany({
    where: { workspaceId: options.workspaceId, status: "pending" },
    select: { id: true, email: true, role: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
}

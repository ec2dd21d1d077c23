import { prisma } from "@/lib/db";

export async function listMembers(options: { workspaceId: string }) {
  const memberships = await prisma.membership.findMany({
    where: { workspaceId: options.workspaceId },
    include: { user: { select: { id: true, email: true, name: true } } },
    orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
  });
  return memberships.map((m) => ({ userId: m.user.id, email: m.user.email, name: m.user.name, role: m.role, joinedAt: m.createdAt }));
}

import { prisma } from "@/lib/db";

/** The workspaces a user belongs to, with their role, in name order. */
export async function listUserWorkspaces(options: { userId: string }) {
  const memberships = await prisma.membership.findMany({
    where: { userId: options.userId },
    include: { workspace: { select: { id: true, slug: true, name: true } } },
    orderBy: { workspace: { name: "asc" } },
  });
  return memberships.map((m) => ({ ...m.workspace, role: m.role }));
}

import { prisma } from "@/lib/db";

/** A person's in-app notices in one workspace, newest first, with how many are unread. */
export async function listNotifications(options: { workspaceId: string; userId: string; limit?: number }) {
  const where = { workspaceId: options.workspaceId, userId: options.userId };
  const [items, unread] = await Promise.all([
    prisma.notification.findMany({ where, orderBy: { createdAt: "desc" }, take: options.limit ?? 20 }),
    prisma.notification.count({ where: { ...where, readAt: null } }),
  ]);
  return { unread, items: items.map((n) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, href: n.href, read: n.readAt !== null, createdAt: n.createdAt })) };
}

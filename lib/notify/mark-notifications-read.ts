import { prisma } from "@/lib/db";

/** Marks all of a person's unread notices in a workspace as read. */
export async function markNotificationsRead(options: { workspaceId: string; userId: string }) {
  const updated = await prisma.notification.updateMany({ where: { workspaceId: options.workspaceId, userId: options.userId, readAt: null }, data: { readAt: new Date() } });
  return { marked: updated.count };
}

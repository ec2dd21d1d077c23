import { prisma } from "@/lib/db";

export async function countUnreadNotifications(options: { workspaceId: string; userId: string }) {
  return prisma.notification.count({ where: { workspaceId: options.workspaceId, userId: options.userId, readAt: null } });
}

import { prisma } from "@/lib/db";

export async function listApiKeys(options: { workspaceId: string }) {
  return prisma.apiKey.findMany({
    where: { workspaceId: options.workspaceId },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: { createdAt: "desc" },
  });
}

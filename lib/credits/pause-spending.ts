import { prisma } from "@/lib/db";

/** Pauses metered work in a workspace (e.g. a failed auto-reload payment): spends get 402 credits_paused. */
export async function pauseSpending(options: { workspaceId: string; reason: string }): Promise<void> {
  await prisma.creditWorkspaceState.upsert({
    where: { workspaceId: options.workspaceId },
    create: { workspaceId: options.workspaceId, spendingPausedReason: options.reason },
    update: { spendingPausedReason: options.reason, updatedAt: new Date() },
  });
}

import { prisma } from "@/lib/db";

/** Lifts a spending pause (the payment method was updated, or auto-reload was turned off). */
export async function resumeSpending(options: { workspaceId: string }): Promise<void> {
  await prisma.creditWorkspaceState.updateMany({
    where: { workspaceId: options.workspaceId },
    data: { spendingPausedReason: null, updatedAt: new Date() },
  });
}

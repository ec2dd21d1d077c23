import { prisma } from "@/lib/db";
import { liftAutoReloadPause } from "@/lib/billing/auto-reload/lift-auto-reload-pause";

/**
 * The payer's default card changed: in every workspace whose blocked auto-reload charges this
 * person, the pause it caused is lifted now (page 003: work pauses "until you update your payment
 * method"), not at the next request, so the paused banners disappear at once.
 */
export async function liftPausesForPayer(options: { userId: string }): Promise<void> {
  const blocked = await prisma.autoReloadSetting.findMany({ where: { payerUserId: options.userId, blockedPurchaseId: { not: null } }, select: { workspaceId: true } });
  for (const { workspaceId } of blocked) await liftAutoReloadPause({ workspaceId, onlyIfResolved: true });
}

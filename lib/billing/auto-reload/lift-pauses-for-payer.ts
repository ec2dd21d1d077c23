import { prisma } from "@/lib/db";
import { liftAutoReloadPause } from "@/lib/billing/auto-reload/lift-auto-reload-pause";

/**
 * A person's default card changed: in every workspace they own with a blocked auto-reload, the
 * pause it caused is lifted now when that card is the workspace's payment method and no longer the
 * one that failed (page 003: work pauses "until you update your payment method"), not at the next
 * request, so the paused banners disappear at once. liftAutoReloadPause decides per workspace.
 */
export async function liftPausesForPayer(options: { userId: string }): Promise<void> {
  const owned = await prisma.membership.findMany({ where: { userId: options.userId, role: "owner" }, select: { workspaceId: true } });
  if (owned.length === 0) return;
  const blocked = await prisma.autoReloadSetting.findMany({
    where: { workspaceId: { in: owned.map((m) => m.workspaceId) }, blockedPurchaseId: { not: null } },
    select: { workspaceId: true },
  });
  for (const { workspaceId } of blocked) await liftAutoReloadPause({ workspaceId, onlyIfResolved: true });
}

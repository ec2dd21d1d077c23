import { prisma } from "@/lib/db";
import { AUTO_RELOAD_PAUSE } from "@/lib/billing/auto-reload/pause-reasons";
import { findWorkspaceCard } from "@/lib/billing/auto-reload/get-auto-reload-terms";

/**
 * Lifts what a failed reload set once it is resolved — the payer completed the charge, or the
 * workspace's card is no longer the one that failed: the reload is no longer blocked,
 * earlier failures stop counting for the rate guard, and a pause auto-reload caused is lifted
 * (never a pause someone else set). Returns whether work may resume.
 */
export async function liftAutoReloadPause(options: { workspaceId: string; onlyIfResolved?: boolean }): Promise<boolean> {
  const setting = await prisma.autoReloadSetting.findUnique({ where: { workspaceId: options.workspaceId } });
  if (options.onlyIfResolved) {
    if (!setting?.blockedPurchaseId) return false;
    const [blocked, card] = await Promise.all([
      prisma.purchase.findUnique({ where: { id: setting.blockedPurchaseId }, select: { status: true } }),
      findWorkspaceCard(options.workspaceId),
    ]);
    const cardUpdated = !!card && card.paymentMethodId !== setting.failedPaymentMethodId;
    if (blocked?.status !== "succeeded" && !cardUpdated) return false;
  }
  // One transaction: whoever then finds nothing blocked also finds the pause lifted (the webhook
  // and the payer's page may both be lifting it).
  const now = new Date();
  await prisma.$transaction([
    prisma.autoReloadSetting.updateMany({ where: { workspaceId: options.workspaceId }, data: { blockedPurchaseId: null, failedPaymentMethodId: null, failuresClearedAt: now } }),
    prisma.creditWorkspaceState.updateMany({ where: { workspaceId: options.workspaceId, spendingPausedReason: { in: Object.values(AUTO_RELOAD_PAUSE) } }, data: { spendingPausedReason: null, updatedAt: now } }),
  ]);
  return true;
}

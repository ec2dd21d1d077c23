import { prisma } from "@/lib/db";
import { resumeSpending } from "@/lib/credits/resume-spending";
import { isAutoReloadPause } from "@/lib/billing/auto-reload/pause-reasons";
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
  await prisma.autoReloadSetting.updateMany({ where: { workspaceId: options.workspaceId }, data: { blockedPurchaseId: null, failedPaymentMethodId: null, failuresClearedAt: new Date() } });
  const state = await prisma.creditWorkspaceState.findUnique({ where: { workspaceId: options.workspaceId } });
  if (isAutoReloadPause(state?.spendingPausedReason)) await resumeSpending({ workspaceId: options.workspaceId });
  return true;
}

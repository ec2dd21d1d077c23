import { prisma } from "@/lib/db";
import { resumeSpending } from "@/lib/credits/resume-spending";
import { isAutoReloadPause } from "@/lib/billing/auto-reload/pause-reasons";

/**
 * Lifts what a failed reload set once it is resolved — the payer completed the charge, or the
 * payer's default card is no longer the one that failed: the reload is no longer blocked,
 * earlier failures stop counting for the rate guard, and a pause auto-reload caused is lifted
 * (never a pause someone else set). Returns whether work may resume.
 */
export async function liftAutoReloadPause(options: { workspaceId: string; onlyIfResolved?: boolean }): Promise<boolean> {
  const setting = await prisma.autoReloadSetting.findUnique({ where: { workspaceId: options.workspaceId } });
  if (options.onlyIfResolved) {
    if (!setting?.blockedPurchaseId) return false;
    const [blocked, customer] = await Promise.all([
      prisma.purchase.findUnique({ where: { id: setting.blockedPurchaseId }, select: { status: true } }),
      setting.payerUserId ? prisma.billingCustomer.findUnique({ where: { userId: setting.payerUserId } }) : null,
    ]);
    const cardUpdated = !!customer?.defaultPaymentMethodId && customer.defaultPaymentMethodId !== setting.failedPaymentMethodId;
    if (blocked?.status !== "succeeded" && !cardUpdated) return false;
  }
  await prisma.autoReloadSetting.updateMany({ where: { workspaceId: options.workspaceId }, data: { blockedPurchaseId: null, failedPaymentMethodId: null, failuresClearedAt: new Date() } });
  const state = await prisma.creditWorkspaceState.findUnique({ where: { workspaceId: options.workspaceId } });
  if (isAutoReloadPause(state?.spendingPausedReason)) await resumeSpending({ workspaceId: options.workspaceId });
  return true;
}

import { prisma } from "@/lib/db";
import { chargeReload } from "@/lib/billing/auto-reload/charge-reload";
import { RELOAD_STALE_MS } from "@/lib/billing/auto-reload/request-auto-reload";

/**
 * Finishes reloads whose request died between claiming and settling (a crash, a timeout): the
 * charge is retried with the purchase's own gateway key, so a payment that did go through is
 * found, not repeated; credits land once. Idempotent; the job runs it every minute.
 */
export async function settleStaleReloads(options: { now?: Date } = {}): Promise<{ settled: number }> {
  const now = options.now ?? new Date();
  const stale = await prisma.autoReloadSetting.findMany({
    where: { reloadingPurchaseId: { not: null }, reloadingSince: { lt: new Date(now.getTime() - RELOAD_STALE_MS) } },
    select: { workspaceId: true, reloadingPurchaseId: true },
    take: 100,
  });
  for (const setting of stale) await chargeReload({ workspaceId: setting.workspaceId, purchaseId: setting.reloadingPurchaseId! });
  return { settled: stale.length };
}

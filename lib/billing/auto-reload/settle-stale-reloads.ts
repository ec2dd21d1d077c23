import { prisma } from "@/lib/db";
import { chargeReload } from "@/lib/billing/auto-reload/charge-reload";
import { clearJobError, noteJobError } from "@/lib/billing/purchases/note-job-error";
import { RELOAD_STALE_MS } from "@/lib/billing/auto-reload/request-auto-reload";

/**
 * Finishes reloads whose request died between claiming and settling (a crash, a timeout): the
 * charge is retried with the purchase's own gateway key, so a payment that did go through is
 * found, not repeated; credits land once. Each reload is its own unit of work: a card the
 * gateway refuses fails that reload (pause or turn-off, owners emailed, see chargeReload), any
 * other error is noted on its purchase (owners told once), and the run goes on, oldest first.
 * Idempotent; the job runs it every minute.
 */
export async function settleStaleReloads(options: { now?: Date } = {}): Promise<{ settled: number; failed: number }> {
  const now = options.now ?? new Date();
  const stale = await prisma.autoReloadSetting.findMany({
    where: { reloadingPurchaseId: { not: null }, reloadingSince: { lt: new Date(now.getTime() - RELOAD_STALE_MS) } },
    select: { workspaceId: true, reloadingPurchaseId: true },
    orderBy: { reloadingSince: "asc" },
    take: 100,
  });
  let failed = 0;
  for (const setting of stale) {
    const purchaseId = setting.reloadingPurchaseId!;
    try {
      await chargeReload({ workspaceId: setting.workspaceId, purchaseId });
      await clearJobError(purchaseId);
    } catch (error) {
      failed += 1;
      await noteJobError({ purchaseId, job: "auto-reload-settle", error, now });
      // Behind the others next time: it is retried a stale period from now.
      await prisma.autoReloadSetting.updateMany({ where: { workspaceId: setting.workspaceId, reloadingPurchaseId: purchaseId }, data: { reloadingSince: now } }).catch(() => undefined);
    }
  }
  return { settled: stale.length - failed, failed };
}

import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { settlePurchase } from "@/lib/billing/purchases/settle-purchase";
import { liftAutoReloadPause } from "@/lib/billing/auto-reload/lift-auto-reload-pause";

/**
 * After the payer completed a blocked reload on-session (3-D Secure, or another card on the same
 * payment): re-read the payment from the gateway, grant the credits once, and let work resume.
 * Only the payer can complete it: it is their card and their customer's payment.
 */
export async function completeAutoReload(options: { workspaceId: string; userId: string; purchaseId: string }) {
  const purchase = await prisma.purchase.findFirst({ where: { id: options.purchaseId, workspaceId: options.workspaceId, kind: "auto_reload" } });
  if (!purchase || purchase.buyerUserId !== options.userId) throw new AppError("not_found", "No such auto-reload payment.");
  const settled = await settlePurchase({ workspaceId: options.workspaceId, purchaseId: purchase.id });
  if (settled?.status === "succeeded") await liftAutoReloadPause({ workspaceId: options.workspaceId });
  return settled;
}

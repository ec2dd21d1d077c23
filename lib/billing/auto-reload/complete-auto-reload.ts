import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { settlePurchase } from "@/lib/billing/purchases/settle-purchase";
import { findSavedCard } from "@/lib/billing/auto-reload/get-auto-reload-terms";

/**
 * After the payer completed a blocked reload on-session (3-D Secure, or another card on the same
 * payment): re-reads the payment from the gateway, grants the credits once, and lets work resume.
 * Only the payer can complete it: it is their card and their customer's payment. `defaultCard`
 * names the card paid with when it became the payer's default (saving it is best-effort).
 */
export async function completeAutoReload(options: { workspaceId: string; userId: string; purchaseId: string }) {
  const purchase = await prisma.purchase.findFirst({ where: { id: options.purchaseId, workspaceId: options.workspaceId, kind: "auto_reload" } });
  if (!purchase || purchase.buyerUserId !== options.userId) throw new AppError("not_found", "No such auto-reload payment.");
  const settled = await settlePurchase({ workspaceId: options.workspaceId, purchaseId: purchase.id });
  if (settled?.status !== "succeeded") return settled ? { ...settled, defaultCard: null } : null;
  const saved = await findSavedCard(options.userId);
  const defaultCard = saved && saved.paymentMethodId === settled.paymentMethodId ? { brand: saved.brand, last4: saved.last4 } : null;
  return { ...settled, defaultCard };
}

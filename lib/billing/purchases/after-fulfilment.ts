import { prisma } from "@/lib/db";
import { liftAutoReloadPause } from "@/lib/billing/auto-reload/lift-auto-reload-pause";
import { saveDefaultCard } from "@/lib/billing/purchases/save-default-card";
import type { Purchase } from "@/lib/generated/prisma/client";

/**
 * What follows a purchase's fulfilment (credits, invoice and receipt are already committed):
 * a paid auto-reload lifts the pause its failure caused, then the card paid with becomes its
 * holder's default (for the workspace too, where they are its billing owner, page 001) — only
 * when they paid themselves: nobody else's card can replace the workspace's. Saving is
 * best-effort: a card the gateway cannot make the default (paid without being attached to the
 * customer) leaves the previous default and is logged, never thrown, so the browser, the
 * webhook and reconciliation all still see success. Idempotent: every settlement of a paid
 * purchase runs it, so whoever reports success has seen it done; a default changed after this
 * purchase was fulfilled is never replaced by its older card.
 */
export async function afterFulfilment(purchase: Purchase): Promise<void> {
  if (purchase.status !== "succeeded" || !purchase.fulfilledAt) return;
  if (purchase.kind === "auto_reload") await liftAutoReloadPause({ workspaceId: purchase.workspaceId, onlyIfResolved: true });
  if (!purchase.paymentMethodId || purchase.payerUserId !== purchase.buyerUserId) return;
  const customer = await prisma.billingCustomer.findUnique({ where: { userId: purchase.payerUserId } });
  if (!customer || customer.defaultPaymentMethodId === purchase.paymentMethodId || customer.updatedAt > purchase.fulfilledAt) return;
  try {
    await saveDefaultCard({ userId: purchase.payerUserId, paymentMethodId: purchase.paymentMethodId });
  } catch (error) {
    console.warn(`[purchases] ${purchase.id}: the card paid with was not saved as the default`, error);
  }
}

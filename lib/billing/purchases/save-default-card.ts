import { prisma } from "@/lib/db";
import { getGateway } from "@/lib/payments/get-gateway";
import { syncAutoReloadTerms } from "@/lib/billing/auto-reload/sync-auto-reload-terms";
import { liftPausesForPayer } from "@/lib/billing/auto-reload/lift-pauses-for-payer";

/**
 * Makes a card the buyer's default for future charges, in every workspace they pay for, and lifts
 * the auto-reload pauses a failed charge to their previous card caused. The card must be attached
 * to the buyer's customer (the gateway refuses it otherwise).
 */
export async function saveDefaultCard(options: { userId: string; paymentMethodId: string }) {
  const customer = await prisma.billingCustomer.findUnique({ where: { userId: options.userId } });
  if (!customer || customer.defaultPaymentMethodId === options.paymentMethodId) return;
  const gateway = getGateway();
  await gateway.setDefaultCard(customer.gatewayCustomerId, options.paymentMethodId);
  const card = await gateway.retrieveCard(options.paymentMethodId);
  await prisma.billingCustomer.update({
    where: { userId: options.userId },
    data: { defaultPaymentMethodId: card.paymentMethodId, cardBrand: card.brand, cardLast4: card.last4, cardExpMonth: card.expMonth, cardExpYear: card.expYear },
  });
  // Where this person's card is the workspace's, auto-reload now names and charges the new card,
  // and a pause the old card's failure caused is lifted.
  const owned = await prisma.membership.findMany({ where: { userId: options.userId, role: "owner" }, select: { workspaceId: true } });
  for (const { workspaceId } of owned) await syncAutoReloadTerms({ workspaceId });
  await liftPausesForPayer({ userId: options.userId });
}

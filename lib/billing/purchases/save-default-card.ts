import { prisma } from "@/lib/db";
import { getGateway } from "@/lib/payments/get-gateway";
import { syncAutoReloadTerms } from "@/lib/billing/auto-reload/sync-auto-reload-terms";

/** Makes a card the buyer's default for future charges, in every workspace they pay for. */
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
  // Where this person's card is the workspace's, auto-reload now names and charges the new card.
  const owned = await prisma.membership.findMany({ where: { userId: options.userId, role: "owner" }, select: { workspaceId: true } });
  for (const { workspaceId } of owned) await syncAutoReloadTerms({ workspaceId });
}

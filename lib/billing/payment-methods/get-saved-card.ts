import { prisma } from "@/lib/db";

/** A person's default card as shown to them, or null (cards belong to people, not workspaces). */
export async function getSavedCard(options: { userId: string }) {
  const customer = await prisma.billingCustomer.findUnique({ where: { userId: options.userId } });
  if (!customer?.defaultPaymentMethodId || !customer.cardLast4) return null;
  return { brand: customer.cardBrand ?? "card", last4: customer.cardLast4, expMonth: customer.cardExpMonth ?? 0, expYear: customer.cardExpYear ?? 0 };
}

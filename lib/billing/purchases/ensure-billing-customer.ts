import { prisma } from "@/lib/db";
import { getGateway } from "@/lib/payments/get-gateway";

/**
 * The buyer's gateway customer, created on first purchase. One per person: their default card
 * serves every workspace they pay for. The gateway call is idempotent per user, so two first
 * purchases at once make one customer.
 */
export async function ensureBillingCustomer(user: { id: string; email: string; name: string }) {
  const existing = await prisma.billingCustomer.findUnique({ where: { userId: user.id } });
  if (existing) return existing;
  const gatewayCustomerId = await getGateway().createCustomer({
    email: user.email,
    name: user.name,
    userId: user.id,
    idempotencyKey: `customer:${user.id}`,
  });
  return prisma.billingCustomer.upsert({
    where: { userId: user.id },
    create: { userId: user.id, gatewayCustomerId },
    update: {},
  });
}

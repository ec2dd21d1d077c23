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
  try {
    return await prisma.billingCustomer.create({ data: { userId: user.id, gatewayCustomerId } });
  } catch (error) {
    // A concurrent first purchase stored the same customer a moment earlier.
    if ((error as { code?: string }).code !== "P2002") throw error;
    return prisma.billingCustomer.findUniqueOrThrow({ where: { userId: user.id } });
  }
}

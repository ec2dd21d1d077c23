import { getGateway } from "@/lib/payments/get-gateway";
import { ensureBillingCustomer } from "@/lib/billing/purchases/ensure-billing-customer";

/**
 * Starts saving a new default card (no charge): a SetupIntent the browser confirms with the card,
 * 3-D Secure included. One intent per attempt key, so a double click makes one.
 */
export async function startCardSetup(options: { workspaceId: string; user: { id: string; email: string; name: string }; attemptKey: string }) {
  const customer = await ensureBillingCustomer(options.user);
  return getGateway().createSetup({
    customerId: customer.gatewayCustomerId,
    metadata: { userId: options.user.id, workspaceId: options.workspaceId },
    idempotencyKey: `setup:${options.user.id}:${options.attemptKey}`,
  });
}

import { AppError } from "@/lib/errors";
import { ensureBillingCustomer } from "@/lib/billing/purchases/ensure-billing-customer";
import { getWorkspacePayer } from "@/lib/billing/payers/get-workspace-payer";
import type { PayerScope } from "@/lib/generated/prisma/enums";

/**
 * Whose card a new purchase charges: the buyer's own (scope personal), or the workspace's payment
 * method (scope workspace). Only the card's holder may pay with a card typed in now (it becomes
 * their default); anyone else uses the workspace's card as it is. Throws a clear error when there
 * is nothing to charge.
 */
export async function resolvePurchasePayer(options: {
  workspaceId: string;
  buyer: { userId: string; email: string; name: string };
  scope: PayerScope;
  payWith: "saved_card" | "new_card";
}) {
  if (options.scope === "personal") {
    const customer = await ensureBillingCustomer({ id: options.buyer.userId, email: options.buyer.email, name: options.buyer.name });
    if (options.payWith === "saved_card" && !customer.defaultPaymentMethodId) {
      throw new AppError("invalid_request", "There is no saved card yet: enter a card to pay.", { field: "payWith" });
    }
    return { payerUserId: options.buyer.userId, payerScope: "personal" as const, customer };
  }
  const payer = await getWorkspacePayer({ workspaceId: options.workspaceId });
  if (!payer) throw new AppError("invalid_request", "This workspace has no payment method. An owner sets the workspace's card on Billing.", { field: "payWith" });
  const holderIsBuyer = payer.userId === options.buyer.userId;
  if (options.payWith === "new_card" && !holderIsBuyer) {
    throw new AppError("forbidden", `Purchases for the workspace are charged to its card, ${payer.name}'s. Only they can pay with another card.`, { field: "payWith" });
  }
  const customer = holderIsBuyer ? await ensureBillingCustomer({ id: payer.userId, email: payer.email, name: payer.name }) : payer.customer;
  if (!customer || (options.payWith === "saved_card" && !customer.defaultPaymentMethodId)) {
    throw new AppError("invalid_request", holderIsBuyer ? "The workspace has no card yet: enter a card to pay. It becomes the workspace's card." : `The workspace has no card yet. ${payer.name}, whose card pays for this workspace, adds one on Billing.`, { field: "payWith" });
  }
  return { payerUserId: payer.userId, payerScope: "workspace" as const, customer };
}

import { prisma } from "@/lib/db";
import { getWorkspacePayer } from "@/lib/billing/payers/get-workspace-payer";
import type { TPaymentSource } from "@/lib/billing/payers/payment-source-line";

type TCustomer = { defaultPaymentMethodId: string | null; cardBrand: string | null; cardLast4: string | null } | null;

function cardOf(customer: TCustomer) {
  return customer?.defaultPaymentMethodId && customer.cardLast4 ? { brand: customer.cardBrand ?? "card", last4: customer.cardLast4 } : null;
}

/**
 * What a payment panel shows `userId` before they pay: the workspace's payment method (admin
 * purchases for members or the pool, approvals, workspace plans) or their own card (their own
 * top-ups and personal plans). Brand and last four only.
 */
export async function getPaymentSource(options: { workspaceId: string; userId: string; scope: "workspace" | "personal" }): Promise<TPaymentSource> {
  if (options.scope === "personal") {
    const customer = await prisma.billingCustomer.findUnique({ where: { userId: options.userId } });
    return { scope: "personal", card: cardOf(customer), holderName: null, holderIsYou: true, canUseNewCard: true };
  }
  const payer = await getWorkspacePayer({ workspaceId: options.workspaceId });
  const holderIsYou = payer?.userId === options.userId;
  return { scope: "workspace", card: cardOf(payer?.customer ?? null), holderName: payer?.name ?? null, holderIsYou, canUseNewCard: holderIsYou };
}

import { prisma } from "@/lib/db";
import { getWorkspacePayer } from "@/lib/billing/payers/get-workspace-payer";
import { savedCardOf, type TPaymentSource } from "@/lib/billing/payers/payment-source-line";

/**
 * What a payment panel shows `userId` before they pay: the workspace's payment method (admin
 * purchases for members or the pool, approvals, workspace plans) or their own card (their own
 * top-ups and personal plans). Brand and last four only.
 */
export async function getPaymentSource(options: { workspaceId: string; userId: string; scope: "workspace" | "personal" }): Promise<TPaymentSource> {
  if (options.scope === "personal") {
    const customer = await prisma.billingCustomer.findUnique({ where: { userId: options.userId } });
    return { scope: "personal", card: savedCardOf(customer), holderName: null, holderIsYou: true, canUseNewCard: true };
  }
  const payer = await getWorkspacePayer({ workspaceId: options.workspaceId });
  const holderIsYou = payer?.userId === options.userId;
  return { scope: "workspace", card: savedCardOf(payer?.customer ?? null), holderName: payer?.name ?? null, holderIsYou, canUseNewCard: holderIsYou };
}

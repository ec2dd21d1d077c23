import { prisma } from "@/lib/db";
import { payerRefusal } from "@/lib/billing/payers/payer-refusal";
import type { BillingCustomer, Purchase } from "@/lib/generated/prisma/client";

export type TChargeCustomer = { ok: true; customer: BillingCustomer | null } | { ok: false; code: "payer_not_allowed"; message: string };

/** The gateway customer a purchase is charged to, if its payer may still pay (see payerRefusal). */
export async function getChargeCustomer(purchase: Pick<Purchase, "workspaceId" | "payerUserId" | "payerScope">): Promise<TChargeCustomer> {
  const refusal = await payerRefusal({ workspaceId: purchase.workspaceId, payerUserId: purchase.payerUserId, payerScope: purchase.payerScope });
  if (refusal) return { ok: false, code: "payer_not_allowed", message: refusal };
  return { ok: true, customer: await prisma.billingCustomer.findUnique({ where: { userId: purchase.payerUserId } }) };
}

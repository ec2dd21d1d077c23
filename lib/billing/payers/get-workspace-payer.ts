import { prisma, type Prisma } from "@/lib/db";
import type { BillingCustomer } from "@/lib/generated/prisma/client";

export type TWorkspacePayer = { userId: string; name: string; email: string; customer: BillingCustomer | null };

/**
 * Who pays for the workspace: its billing owner (set by an owner on Billing; by default the first
 * owner), whose default card is the workspace's payment method. Null when the billing owner is no
 * longer an owner here: nobody else's card is ever charged in their place.
 */
export async function getWorkspacePayer(options: { workspaceId: string; db?: Prisma.TransactionClient }): Promise<TWorkspacePayer | null> {
  const db = options.db ?? prisma;
  const workspace = await db.workspace.findUnique({ where: { id: options.workspaceId }, select: { billingOwnerUserId: true } });
  if (!workspace) return null;
  const owner = await db.membership.findFirst({
    where: { workspaceId: options.workspaceId, role: "owner", ...(workspace.billingOwnerUserId ? { userId: workspace.billingOwnerUserId } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { user: { select: { id: true, name: true, email: true } } },
  });
  if (!owner) return null;
  const customer = await db.billingCustomer.findUnique({ where: { userId: owner.userId } });
  return { userId: owner.userId, name: owner.user.name, email: owner.user.email, customer };
}

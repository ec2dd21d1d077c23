import { prisma, type Prisma } from "@/lib/db";
import { roleAllows } from "@/lib/auth/permissions";
import { getWorkspacePayer } from "@/lib/billing/payers/get-workspace-payer";
import type { PayerScope } from "@/lib/generated/prisma/enums";

/**
 * Checked right before every charge: the payer must still hold what lets them pay — the
 * workspace's payment method only while they are its billing owner, their own card only while
 * they are a member allowed to buy here. Returns why not, or null when the charge may go ahead.
 */
export async function payerRefusal(options: { workspaceId: string; payerUserId: string; payerScope: PayerScope; db?: Prisma.TransactionClient }): Promise<string | null> {
  const db = options.db ?? prisma;
  if (options.payerScope === "workspace") {
    const payer = await getWorkspacePayer({ workspaceId: options.workspaceId, db });
    return payer?.userId === options.payerUserId ? null : "The card on file belongs to someone who no longer pays for this workspace. An owner sets the workspace's card on Billing.";
  }
  const membership = await db.membership.findUnique({ where: { workspaceId_userId: { workspaceId: options.workspaceId, userId: options.payerUserId } }, select: { role: true } });
  return membership && roleAllows(membership.role, "credits:buy_self") ? null : "The payer is no longer a member who can pay in this workspace.";
}

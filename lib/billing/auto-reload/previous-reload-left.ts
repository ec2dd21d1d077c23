import type { Prisma } from "@/lib/db";

/**
 * What is left, unexpired, of the credits the latest fulfilled auto-reload granted to this
 * beneficiary (null = the pool); null when there was none. Read in the decider's transaction.
 */
export async function previousReloadLeft(tx: Prisma.TransactionClient, options: { workspaceId: string; beneficiaryUserId: string | null; now: Date }): Promise<number | null> {
  const line = await tx.purchaseLine.findFirst({
    where: { beneficiaryUserId: options.beneficiaryUserId, grantId: { not: null }, purchase: { workspaceId: options.workspaceId, kind: "auto_reload", status: "succeeded" } },
    orderBy: { purchase: { createdAt: "desc" } },
    select: { grantId: true },
  });
  if (!line?.grantId) return null;
  const grant = await tx.creditGrant.findFirst({ where: { id: line.grantId, workspaceId: options.workspaceId }, select: { remaining: true, expiresAt: true } });
  if (!grant || (grant.expiresAt && grant.expiresAt <= options.now)) return 0;
  return grant.remaining;
}

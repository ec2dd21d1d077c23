import { prisma, type Prisma } from "@/lib/db";
import { resolvePolicy, type TCreditPolicy, type TPolicyPresetName } from "@/lib/credits/policy";

/**
 * Stores a preset with overrides, fully resolved: the ledger functions in PostgreSQL read
 * `policy.ledger` over their own defaults, so the stored ledger section must be complete.
 */
export async function setWorkspacePolicy(options: {
  workspaceId: string;
  preset: TPolicyPresetName;
  overrides?: Partial<{ [K in keyof TCreditPolicy]: Partial<TCreditPolicy[K]> }>;
  /** The caller's transaction, so an audit row can commit with the change. */
  tx?: Prisma.TransactionClient;
}): Promise<TCreditPolicy> {
  const policy = resolvePolicy({ ...options.overrides, preset: options.preset });
  await (options.tx ?? prisma).workspace.update({
    where: { id: options.workspaceId },
    data: { policy: policy as unknown as Prisma.InputJsonValue },
  });
  return policy;
}

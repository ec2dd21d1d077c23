import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getWorkspacePolicy } from "@/lib/credits/policy";
import { findWorkspaceMember } from "@/lib/credits/find-workspace-member";
import { recordAudit } from "@/lib/audit/record-audit";

/**
 * Sets a member's monthly cap on pool draws (null = no cap, 0 = no access), with its audit row in
 * the same transaction. Same upsert as the ledger's `setPoolShare`: what they drew this month is kept.
 */
export async function setMemberPoolShare(options: { workspaceId: string; userId: string; capPerCycle: number | null; actorUserId: string }) {
  const policy = await getWorkspacePolicy({ workspaceId: options.workspaceId });
  if (!policy.pool.enabled) throw new AppError("invalid_request", "This workspace has no shared pool.");
  const member = await findWorkspaceMember({ workspaceId: options.workspaceId, member: options.userId });
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO pool_shares (workspace_id, user_id, cap_per_cycle, used, period_start)
      VALUES (${options.workspaceId}, ${member.userId}, ${options.capPerCycle}, 0, date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')
      ON CONFLICT (workspace_id, user_id) DO UPDATE SET cap_per_cycle = EXCLUDED.cap_per_cycle`;
    await recordAudit(tx, {
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "pool.share_set",
      targetType: "user",
      targetId: member.userId,
      details: { capPerCycle: options.capPerCycle },
    });
  });
  return { userId: member.userId, capPerCycle: options.capPerCycle };
}

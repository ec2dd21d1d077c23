import { pgPool } from "@/lib/db";
import { findWorkspaceMember } from "@/lib/credits/find-workspace-member";

/**
 * Sets how much a member may draw from the workspace pool per calendar month (UTC): a number,
 * or null for no cap (0 = no access). What they drew this month is kept.
 */
export async function setPoolShare(options: { workspaceId: string; member: string; capPerCycle: number | null }) {
  const member = await findWorkspaceMember(options);
  await pgPool().query(
    `INSERT INTO pool_shares (workspace_id, user_id, cap_per_cycle, used, period_start)
     VALUES ($1, $2, $3, 0, date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')
     ON CONFLICT (workspace_id, user_id) DO UPDATE SET cap_per_cycle = EXCLUDED.cap_per_cycle`,
    [options.workspaceId, member.userId, options.capPerCycle],
  );
  return { member: member.userId, capPerCycle: options.capPerCycle };
}

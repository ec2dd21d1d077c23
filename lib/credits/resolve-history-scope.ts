import { prisma } from "@/lib/db";
import { roleAllows } from "@/lib/auth/permissions";
import { getWorkspacePolicy } from "@/lib/credits/policy";

export type THistoryScope = {
  /** Whose events the query returns; null: the whole workspace, pool included (owners). */
  memberIds: string[] | null;
  /** The members one may pick in the filter; null: not offered (one sees only oneself). */
  selectable: string[] | null;
};

/**
 * Whose credit events a person may see (DESIGN.md: the full credit log is the owner's):
 * - owners (ledger:read_all): everyone and the pool, or the member they pick;
 * - admins (ledger:read_managed): themselves and the members they manage, which are the
 *   members and viewers when the policy lets admins buy for members, else nobody else;
 * - everyone else: only their own, whatever they ask for.
 * A requested member outside the scope is ignored, like any filter one may not apply.
 */
export async function resolveHistoryScope(options: {
  workspaceId: string;
  actor: { role: string; userId: string };
  requestedMemberId?: string;
}): Promise<THistoryScope> {
  const { actor, requestedMemberId } = options;
  if (roleAllows(actor.role, "ledger:read_all")) return { memberIds: requestedMemberId ? [requestedMemberId] : null, selectable: null };
  if (!roleAllows(actor.role, "ledger:read_managed")) return { memberIds: [actor.userId], selectable: null };
  const policy = await getWorkspacePolicy({ workspaceId: options.workspaceId });
  const manages = (policy.purchasing.buyForMembers as string[]).includes(actor.role);
  const managed = manages
    ? await prisma.membership.findMany({ where: { workspaceId: options.workspaceId, role: { in: ["member", "viewer"] } }, select: { userId: true } })
    : [];
  const allowed = [actor.userId, ...managed.map((m) => m.userId).filter((id) => id !== actor.userId)];
  return {
    memberIds: requestedMemberId && allowed.includes(requestedMemberId) ? [requestedMemberId] : allowed,
    selectable: allowed,
  };
}

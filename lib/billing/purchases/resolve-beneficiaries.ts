import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TCreditPolicy } from "@/lib/credits/policy";
import { isAdminRole } from "@/lib/auth/permissions";

export type TBuyer = { userId: string; role: string };

/**
 * Who receives a purchase's credits, and whether this buyer may buy for them under the policy.
 * Returns user ids (null = the pool). Viewers cannot receive credits: they cannot spend them.
 */
export async function resolveBeneficiaries(options: {
  workspaceId: string;
  buyer: TBuyer;
  policy: TCreditPolicy;
  target: "self" | "members" | "pool";
  memberIds: string[];
}): Promise<(string | null)[]> {
  const { buyer, policy } = options;
  const buysForOthers = options.target !== "self";
  if (buysForOthers && !policy.purchasing.buyForMembers.includes(buyer.role as "owner" | "admin")) {
    throw new AppError("forbidden", "Only the workspace's owner or admins can buy credits for others.");
  }
  if (options.target === "pool") {
    if (!policy.pool.enabled) throw new AppError("invalid_request", "This workspace has no shared pool.", { field: "target" });
    return [null];
  }
  if (options.target === "self") {
    if (buyer.role === "viewer") throw new AppError("forbidden", "Viewers cannot use credits, so they cannot buy them.");
    if (!isAdminRole(buyer.role) && policy.purchasing.members !== "buy") {
      throw new AppError("forbidden", "In this workspace members request top-ups; an owner or admin completes the purchase.");
    }
    return [buyer.userId];
  }
  const ids = [...new Set(options.memberIds)];
  if (ids.length === 0) throw new AppError("invalid_request", "Choose at least one member to top up.", { field: "memberIds" });
  const members = await prisma.membership.findMany({ where: { workspaceId: options.workspaceId, userId: { in: ids } } });
  if (members.length !== ids.length) throw new AppError("not_found", "One of the chosen members is not in this workspace.", { field: "memberIds" });
  const viewer = members.find((m) => m.role === "viewer");
  if (viewer) throw new AppError("invalid_request", "Viewers cannot use credits; change their role to top them up.", { field: "memberIds" });
  return ids;
}

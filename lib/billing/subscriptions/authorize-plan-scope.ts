import { authorize, type TSessionActor } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { getWorkspacePolicy } from "@/lib/credits/policy";

/**
 * Who may change which plan: the workspace's plan needs `billing:manage` (owners); a personal plan
 * is a member's own, allowed where the policy gives plan credits per member and lets members buy.
 * Returns the actor and the subscriber (null = the workspace).
 */
export async function authorizePlanScope(workspaceSlug: string, scope: "workspace" | "personal"): Promise<{ actor: TSessionActor; userId: string | null }> {
  if (scope === "workspace") return { actor: await authorize({ workspace: { slug: workspaceSlug }, permission: "billing:manage" }), userId: null };
  const actor = await authorize({ workspace: { slug: workspaceSlug }, permission: "credits:buy_self" });
  const policy = await getWorkspacePolicy({ workspaceId: actor.workspaceId });
  if (policy.ledger.planCreditsTo !== "member" || policy.purchasing.members !== "buy") {
    throw new AppError("forbidden", "In this workspace plans are chosen by the owner for everyone.");
  }
  return { actor, userId: actor.userId };
}

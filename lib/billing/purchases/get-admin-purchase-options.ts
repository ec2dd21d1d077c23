import { getWorkspacePolicy } from "@/lib/credits/policy";
import { quoteOffers } from "@/lib/billing/purchases/quote-offers";
import type { TOffer } from "@/lib/billing/purchases/price-offers";

export type TAdminPurchaseOptions = {
  /** Packages for editors, priced per editor exactly as the purchase will be. */
  memberOffers: TOffer[];
  /** Editors who cannot be topped up now: the policy's unit gives them no paid plan. */
  ineligibleEditorIds: string[];
  /** No editor can be topped up because the workspace itself has no paid plan. */
  needsWorkspacePlan: boolean;
  poolOffers: TOffer[];
  /** Funding the pool needs a paid workspace plan, which there is not. */
  poolNeedsPlan: boolean;
};

/**
 * What an owner or admin can buy for editors and for the pool, with every eligibility problem
 * known before a card is typed (the purchase checks the same through quoteOffers).
 */
export async function getAdminPurchaseOptions(options: { workspaceId: string; editorIds: string[] }): Promise<TAdminPurchaseOptions> {
  const policy = await getWorkspacePolicy({ workspaceId: options.workspaceId });
  const [members, pool] = await Promise.all([
    quoteOffers({ workspaceId: options.workspaceId, policy, beneficiaries: options.editorIds }),
    quoteOffers({ workspaceId: options.workspaceId, policy, beneficiaries: [null] }),
  ]);
  const ineligibleEditorIds = members.ineligible.filter((id): id is string => id !== null);
  return {
    memberOffers: members.offers,
    ineligibleEditorIds,
    needsWorkspacePlan: pool.ineligible.length > 0 && policy.ledger.planUnit === "workspace",
    poolOffers: pool.offers,
    poolNeedsPlan: pool.ineligible.length > 0,
  };
}

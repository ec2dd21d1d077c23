import { getBalance } from "@/lib/credits/get-balance";
import { getWorkspacePolicy } from "@/lib/credits/policy";
import { describeBalance, type TBalanceView } from "@/lib/credits/describe-balance";
import { getCurrentCycle } from "@/lib/plans/get-current-cycle";
import { quoteOffers } from "@/lib/billing/purchases/quote-offers";
import { defaultPurchaseTarget } from "@/lib/billing/purchases/default-purchase-target";
import type { TOffer } from "@/lib/billing/purchases/price-offers";
import { roleAllows } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

/** Who may do what with the "Buy more credits" offers, by policy and role. */
export type TPurchaseAccess = "buy" | "request" | "admins_only" | "viewer" | "needs_paid_plan";

export type TCreditsOverview = {
  balance: TBalanceView;
  planName: string | null;
  offers: TOffer[];
  purchase: TPurchaseAccess;
  /** Currency-tier pricing's rate, for the header badge ("120 credits per £1"). */
  rate: { creditsPerMajorUnit: number; currency: string } | null;
};

function purchaseAccess(role: Role, buyForMembers: string[], members: "buy" | "request" | "none"): Exclude<TPurchaseAccess, "needs_paid_plan"> {
  if (buyForMembers.includes(role) && roleAllows(role, "credits:buy_for_members")) return "buy";
  if (role === "viewer" || !roleAllows(role, "credits:buy_self")) return "viewer";
  if (members === "buy") return "buy";
  return members === "request" ? "request" : "admins_only";
}

/**
 * The top of the Credits page for one member: their balance explained, the plan that covers
 * them, and what they may buy under the workspace's policy. Reads only this workspace.
 */
export async function getCreditsOverview(options: { workspaceId: string; userId: string; role: Role }): Promise<TCreditsOverview> {
  const { workspaceId, userId } = options;
  const policy = await getWorkspacePolicy({ workspaceId });
  // Priced exactly as the purchase panel prices them (quoteOffers, for where a purchase lands).
  const beneficiary = defaultPurchaseTarget(policy, options.role) === "pool" ? null : userId;
  const [balance, cycle, quote] = await Promise.all([
    getBalance({ workspaceId, member: userId }),
    getCurrentCycle({ workspaceId, userId }),
    quoteOffers({ workspaceId, policy, beneficiaries: [beneficiary] }),
  ]);
  const access = purchaseAccess(options.role, policy.purchasing.buyForMembers, policy.purchasing.members);
  const needsPaidPlan = quote.ineligible.length > 0 && access !== "viewer";
  return {
    balance: describeBalance({ balance, canSpend: roleAllows(options.role, "credits:spend"), planCredits: cycle?.plan.creditsPerCycle ?? null }),
    planName: cycle?.plan.name ?? null,
    offers: quote.offers,
    purchase: needsPaidPlan ? "needs_paid_plan" : access,
    rate: policy.pricing.kind === "currency_tiers" ? { creditsPerMajorUnit: policy.pricing.creditsPerMajorUnit, currency: policy.pricing.currency } : null,
  };
}

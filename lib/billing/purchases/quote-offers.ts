import { getWorkspacePolicy, type TCreditPolicy } from "@/lib/credits/policy";
import { findEligiblePlans } from "@/lib/billing/purchases/find-eligible-plans";
import { priceOffers, type TOffer } from "@/lib/billing/purchases/price-offers";
import type { Plan } from "@/lib/generated/prisma/client";

export type TOfferQuote = {
  /** Each offer's credits and price for one beneficiary: what is shown, stored and charged. */
  offers: TOffer[];
  /** The plan that priced plan-unit offers (the first eligible beneficiary's), or null. */
  plan: Plan | null;
  /** Beneficiaries (null = the pool) without the paid plan the policy requires; empty when none. */
  ineligible: (string | null)[];
  /** Plan-unit pricing over beneficiaries on plans of different per-credit prices: no one price. */
  mixedPrices: boolean;
};

/**
 * The one pricing of credit offers: from the workspace's policy and the paid plan its unit names
 * (the workspace's plan, or each member's own under page 000). The panels, the Credits page, the
 * purchase, its charge and its invoice all take their price from here, so the price shown is the
 * price charged.
 */
export async function quoteOffers(options: {
  workspaceId: string;
  beneficiaries: (string | null)[];
  policy?: TCreditPolicy;
  at?: Date;
}): Promise<TOfferQuote> {
  const policy = options.policy ?? (await getWorkspacePolicy({ workspaceId: options.workspaceId }));
  const plans = await findEligiblePlans({ workspaceId: options.workspaceId, policy, beneficiaries: options.beneficiaries, at: options.at });
  const eligible = options.beneficiaries.map((b) => plans.get(b) ?? null).filter((p): p is Plan => p !== null);
  const ineligible = policy.purchasing.requirePaidPlan ? options.beneficiaries.filter((b) => !plans.get(b)) : [];
  const plan = eligible[0] ?? null;
  const rates = new Set(eligible.map((p) => `${p.creditPriceMicros}:${p.currency}`));
  return {
    offers: priceOffers(policy.pricing, plan),
    plan,
    ineligible,
    mixedPrices: policy.pricing.kind === "plan_units" && rates.size > 1,
  };
}

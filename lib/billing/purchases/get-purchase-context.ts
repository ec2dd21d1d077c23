import { getWorkspacePolicy } from "@/lib/credits/policy";
import { isAdminRole } from "@/lib/auth/permissions";
import { quoteOffers } from "@/lib/billing/purchases/quote-offers";
import { defaultPurchaseTarget } from "@/lib/billing/purchases/default-purchase-target";
import type { TOffer } from "@/lib/billing/purchases/price-offers";
import { getPaymentSource } from "@/lib/billing/payers/get-payment-source";
import type { TPaymentSource } from "@/lib/billing/payers/payment-source-line";

export type TPurchaseContext = {
  /** buy: may pay now; request: members ask an admin; subscribe: needs a paid plan first; none: cannot. */
  mode: "buy" | "request" | "subscribe" | "none";
  /** What is missing when mode is `subscribe`: a plan of one's own, or the workspace's. */
  needsPlan: "own" | "workspace" | null;
  offers: TOffer[];
  /** The card a purchase here charges: one's own for oneself, the workspace's for the pool. */
  paymentSource: TPaymentSource;
  pricingKind: "packs" | "plan_units" | "currency_tiers";
  /** Where bought credits land: the buyer, or the workspace pool where plan credits go there. */
  target: "self" | "pool";
  creditsPerMajorUnit: number | null;
};

/**
 * What a member can do to get more credits, for the out-of-credits panel and the Credits page:
 * the offers priced by quoteOffers for where their purchase lands, and whether they may buy.
 */
export async function getPurchaseContext(options: { workspaceId: string; userId: string; role: string }): Promise<TPurchaseContext> {
  const policy = await getWorkspacePolicy({ workspaceId: options.workspaceId });
  const target = defaultPurchaseTarget(policy, options.role);
  const [quote, paymentSource] = await Promise.all([
    quoteOffers({ workspaceId: options.workspaceId, policy, beneficiaries: [target === "pool" ? null : options.userId] }),
    getPaymentSource({ workspaceId: options.workspaceId, userId: options.userId, scope: target === "pool" ? "workspace" : "personal" }),
  ]);
  const base = {
    offers: quote.offers,
    paymentSource,
    pricingKind: policy.pricing.kind,
    creditsPerMajorUnit: policy.pricing.kind === "currency_tiers" ? policy.pricing.creditsPerMajorUnit : null,
    target,
    needsPlan: null,
  };
  if (options.role === "viewer") return { ...base, mode: "none" };
  if (quote.ineligible.length > 0) return { ...base, mode: "subscribe", needsPlan: target === "pool" || policy.ledger.planUnit === "workspace" ? "workspace" : "own" };
  if (isAdminRole(options.role) || policy.purchasing.members === "buy") return { ...base, mode: quote.offers.length > 0 ? "buy" : "none" };
  return { ...base, mode: policy.purchasing.members === "request" ? "request" : "none" };
}

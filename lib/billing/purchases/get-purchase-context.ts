import { getWorkspacePolicy } from "@/lib/credits/policy";
import { isAdminRole } from "@/lib/auth/permissions";
import { findActivePaidPlan } from "@/lib/billing/purchases/find-active-paid-plan";
import { findAnyPaidPlan } from "@/lib/billing/purchases/find-any-paid-plan";
import { priceOffers, type TOffer } from "@/lib/billing/purchases/price-offers";
import { getPaymentSource } from "@/lib/billing/payers/get-payment-source";
import type { TPaymentSource } from "@/lib/billing/payers/payment-source-line";

export type TPurchaseContext = {
  /** buy: may pay now; request: members ask an admin; subscribe: needs a paid plan first; none: cannot. */
  mode: "buy" | "request" | "subscribe" | "none";
  offers: TOffer[];
  /** The card a purchase here charges: one's own for oneself, the workspace's for the pool. */
  paymentSource: TPaymentSource;
  pricingKind: "packs" | "plan_units" | "currency_tiers";
  /** Where bought credits land: the buyer, or the workspace pool where plan credits go there. */
  target: "self" | "pool";
  creditsPerMajorUnit: number | null;
};

/** What a member can do to get more credits, for the out-of-credits panel and the Credits page. */
export async function getPurchaseContext(options: { workspaceId: string; userId: string; role: string }): Promise<TPurchaseContext> {
  const [policy, plan] = await Promise.all([
    getWorkspacePolicy({ workspaceId: options.workspaceId }),
    findActivePaidPlan({ workspaceId: options.workspaceId, userId: options.userId }).then(
      // Admins buy for members: a paid plan anywhere in the workspace makes buying possible
      // (each purchase then checks its beneficiaries).
      async (own) => own ?? (isAdminRole(options.role) ? findAnyPaidPlan(options.workspaceId) : null),
    ),
  ]);
  const offers = priceOffers(policy.pricing, plan);
  const poolBuyer = policy.ledger.planCreditsTo === "pool" && policy.pool.enabled && isAdminRole(options.role);
  const paymentSource = await getPaymentSource({ workspaceId: options.workspaceId, userId: options.userId, scope: poolBuyer ? "workspace" : "personal" });
  const base = {
    offers,
    paymentSource,
    pricingKind: policy.pricing.kind,
    creditsPerMajorUnit: policy.pricing.kind === "currency_tiers" ? policy.pricing.creditsPerMajorUnit : null,
    target: poolBuyer ? ("pool" as const) : ("self" as const),
  };
  if (options.role === "viewer") return { ...base, mode: "none" };
  if (policy.purchasing.requirePaidPlan && !plan) return { ...base, mode: "subscribe" };
  if (isAdminRole(options.role) || policy.purchasing.members === "buy") return { ...base, mode: offers.length > 0 ? "buy" : "none" };
  return { ...base, mode: policy.purchasing.members === "request" ? "request" : "none" };
}

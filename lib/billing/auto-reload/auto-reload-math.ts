import type { TAutoReloadPolicy, TPricing } from "@/lib/credits/policy";

/** After a failed reload, none is tried again within this window (unless the payer fixed it). */
export const FAILURE_GUARD = { failures: 1, failuresWindowMs: 60 * 60_000 } as const;

/** Where the policy names no per-cycle cap, auto-reload is capped at this many reloads per cycle. */
export const DEFAULT_CAP_RELOADS = 10;

export type TPlanPrice = { creditPriceMicros: number; currency: string; creditsPerCycle: number };
/** Price of one credit before surcharge (millionths of the minor unit), its currency and the step reloads are rounded to. */
export type TReloadBasis = { priceMicros: number; currency: string; unitCredits: number };

/**
 * What one auto-bought credit costs under the pricing policy, before the surcharge: the plan's
 * per-credit price (units), the rate of the largest pack not above `credits` (packs), or the
 * tier rate (currency tiers). Null when nothing can be priced (units without a paid plan).
 */
export function reloadBasis(pricing: TPricing, plan: TPlanPrice | null, credits: number): TReloadBasis | null {
  switch (pricing.kind) {
    case "plan_units":
      return plan ? { priceMicros: plan.creditPriceMicros, currency: plan.currency, unitCredits: pricing.unitCredits } : null;
    case "packs": {
      const packs = [...pricing.packs].sort((a, b) => a.credits - b.credits);
      if (packs.length === 0) return null;
      const pack = [...packs].reverse().find((p) => p.credits <= credits) ?? packs[0];
      return { priceMicros: Math.round((pack.priceMinor * 1_000_000) / pack.credits), currency: pricing.currency, unitCredits: packs[0].credits };
    }
    case "currency_tiers":
      return { priceMicros: Math.round(100_000_000 / pricing.creditsPerMajorUnit), currency: pricing.currency, unitCredits: pricing.creditsPerMajorUnit };
  }
}

/** Price of `credits` at `priceMicros` each, plus `surchargePercent`, rounded half up to a minor unit. */
export function reloadPriceMinor(credits: number, priceMicros: number, surchargePercent: number): number {
  return Math.floor((credits * priceMicros * (100 + surchargePercent) + 50_000_000) / 100_000_000);
}

/** The same without the surcharge, for showing "base + surcharge". */
export function basePriceMinor(credits: number, priceMicros: number): number {
  return Math.floor((credits * priceMicros + 500_000) / 1_000_000);
}

/**
 * Most credits auto-bought per cycle, never unlimited: the policy's cap (the plan's credits, a
 * number, or where it names none, DEFAULT_CAP_RELOADS reloads of `amountCredits`), lowered by the
 * workspace's own cap.
 */
export function cycleCapCredits(policyCap: TAutoReloadPolicy["perCycleCap"], plan: TPlanPrice | null, ownCap: number | null, amountCredits: number): number {
  const fromPolicy = policyCap === "plan_credits" ? (plan?.creditsPerCycle ?? 0) : (policyCap ?? DEFAULT_CAP_RELOADS * amountCredits);
  return ownCap === null ? fromPolicy : Math.min(fromPolicy, ownCap);
}

export type TReloadPlan = { status: "buy"; credits: number } | { status: "not_needed" | "exceeds_reload" | "cap_reached" };

/**
 * What one reload buys: whole units, never more than one reload's amount (the hard ceiling of
 * one off-session charge). Fixed: exactly `amountCredits`. Refill-to: up to the target, rounded
 * up to the unit. A blocked request that even a full reload would not cover is refused
 * (`exceeds_reload`): nothing is bought for it. A reload that would go over the cycle's cap is
 * not made (`cap_reached`): never part of a pack to fit under it.
 */
export function planReload(options: {
  mode: "fixed" | "refill_to";
  amountCredits: number;
  unitCredits: number;
  available: number;
  /** Exhaustion: what the blocked request needs; null for a threshold reload. */
  required: number | null;
  capRemaining: number;
}): TReloadPlan {
  let credits: number;
  if (options.mode === "fixed") {
    credits = options.amountCredits;
  } else {
    const unit = Math.max(1, options.unitCredits);
    credits = Math.max(0, Math.ceil((options.amountCredits - options.available) / unit) * unit);
  }
  if (options.required !== null && options.available + credits < options.required) return { status: "exceeds_reload" };
  if (credits === 0) return { status: "not_needed" };
  if (credits > options.capRemaining) return { status: "cap_reached" };
  return { status: "buy", credits };
}

/**
 * The loop guard: a new reload only once the previous one's credits are used up, i.e. what is
 * left of them could not serve what is needed now (the blocked request, or the threshold). It
 * stops a loop of charges whose credits land where this spender cannot reach them, and never
 * blocks a reload whose predecessor was spent.
 */
export function loopGuardAllows(options: { previousLeft: number | null; needed: number }): boolean {
  return options.previousLeft === null || options.previousLeft < options.needed;
}

/** Whether the failure guard lets one more attempt through. */
export function failureGuardAllows(recentFailures: number): boolean {
  return recentFailures < FAILURE_GUARD.failures;
}

import type { TAutoReloadPolicy, TPricing } from "@/lib/credits/policy";

/** The rate guard: at most this many reload attempts per window, and this many failures per hour. */
export const RATE_GUARD = { attempts: 2, attemptsWindowMs: 10 * 60_000, failures: 1, failuresWindowMs: 60 * 60_000 } as const;

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
 * Most credits auto-bought per cycle: the policy's cap (the plan's credits, a number, or none),
 * lowered by the workspace's own cap. Null = no cap.
 */
export function cycleCapCredits(policyCap: TAutoReloadPolicy["perCycleCap"], plan: TPlanPrice | null, ownCap: number | null): number | null {
  const fromPolicy = policyCap === "plan_credits" ? (plan?.creditsPerCycle ?? 0) : policyCap;
  if (ownCap === null) return fromPolicy;
  return fromPolicy === null ? ownCap : Math.min(fromPolicy, ownCap);
}

/**
 * Credits to buy now. Fixed: whole packs of `amountCredits`, enough to cover what the blocked
 * request still needs (one pack when it is a threshold reload). Refill-to: up to the target (or
 * the request, if larger), rounded up to the unit. 0 when nothing is needed or when it would go
 * over the cycle's cap: a reload never buys part of a pack to fit under the cap.
 */
export function creditsToReload(options: {
  mode: "fixed" | "refill_to";
  amountCredits: number;
  unitCredits: number;
  available: number;
  required: number | null;
  capRemaining: number | null;
}): number {
  const shortfall = Math.max(0, (options.required ?? 0) - options.available);
  let credits: number;
  if (options.mode === "fixed") {
    credits = Math.max(1, Math.ceil(shortfall / options.amountCredits)) * options.amountCredits;
  } else {
    const target = Math.max(options.amountCredits, options.required ?? 0);
    const missing = target - options.available;
    if (missing <= 0) return 0;
    const unit = Math.max(1, options.unitCredits);
    credits = Math.ceil(missing / unit) * unit;
  }
  if (options.capRemaining !== null && credits > options.capRemaining) return 0;
  return credits;
}

/** Whether the rate guard lets one more attempt through. */
export function rateGuardAllows(recent: { attempts: number; failures: number }): boolean {
  return recent.attempts < RATE_GUARD.attempts && recent.failures < RATE_GUARD.failures;
}

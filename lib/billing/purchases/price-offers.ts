import type { TPricing } from "@/lib/credits/policy";
import { formatCredits, formatMoney } from "@/lib/format";

export type TOffer = { id: string; credits: number; amountMinor: number; currency: string; label: string };

/** Rounds half up to a whole minor unit: money is integers, and a fraction of a cent is charged as a cent. */
function creditsPriceMinor(credits: number, creditPriceMicros: number): number {
  return Math.floor((credits * creditPriceMicros + 500_000) / 1_000_000);
}

/**
 * What can be bought under a pricing policy: fixed packs, units of N credits at the plan's
 * per-credit price, or currency tiers at a credits-per-unit rate. Ids are stable, so a purchase
 * names its offer and the server prices it again (the browser never sets a price).
 */
export function priceOffers(pricing: TPricing, plan: { creditPriceMicros: number; currency: string } | null): TOffer[] {
  switch (pricing.kind) {
    case "packs":
      return pricing.packs.map((pack) => ({
        id: `pack-${pack.credits}`,
        credits: pack.credits,
        amountMinor: pack.priceMinor,
        currency: pricing.currency,
        label: `${formatCredits(pack.credits)} credits`,
      }));
    case "plan_units": {
      if (!plan) return [];
      const offers: TOffer[] = [];
      for (let units = pricing.minUnits; units <= pricing.maxUnits; units++) {
        const credits = units * pricing.unitCredits;
        offers.push({ id: `units-${units}`, credits, amountMinor: creditsPriceMinor(credits, plan.creditPriceMicros), currency: plan.currency, label: `${formatCredits(credits)} extra credits` });
      }
      return offers;
    }
    case "currency_tiers":
      return pricing.tiersMinor.map((tierMinor) => ({
        id: `tier-${tierMinor}`,
        credits: Math.floor((tierMinor * pricing.creditsPerMajorUnit) / 100),
        amountMinor: tierMinor,
        currency: pricing.currency,
        label: formatMoney(tierMinor, pricing.currency),
      }));
  }
}

/** The price of `credits` at a plan's per-credit price plus a surcharge (auto-reload). */
export function surchargedPriceMinor(credits: number, creditPriceMicros: number, surchargePercent: number): number {
  const base = credits * creditPriceMicros;
  return Math.floor((base * (100 + surchargePercent) + 50_000_000) / 100_000_000);
}

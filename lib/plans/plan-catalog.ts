import type { TCycleInterval } from "@/lib/plans/cycle-bounds";

export type TPlanSpec = {
  key: string;
  name: string;
  paid: boolean;
  interval: TCycleInterval;
  allotmentInterval: TCycleInterval;
  creditsPerCycle: number;
  priceMinor: number;
  currency: string;
  sortOrder: number;
};

/** Allotments per billing period, for the per-credit price (an annual plan allotting monthly: ×12). */
function allotmentsPerBillingPeriod(plan: Pick<TPlanSpec, "interval" | "allotmentInterval">): number {
  return plan.interval === "year" && plan.allotmentInterval === "month" ? 12 : 1;
}

/** Price of one credit in millionths of the minor unit ($9 for 10,000 credits → 90,000). */
export function creditPriceMicros(plan: Pick<TPlanSpec, "interval" | "allotmentInterval" | "creditsPerCycle" | "priceMinor">): number {
  const credits = plan.creditsPerCycle * allotmentsPerBillingPeriod(plan);
  return credits === 0 ? 0 : Math.round((plan.priceMinor * 1_000_000) / credits);
}

/** The plan catalog, seeded as data (paying for and changing plans comes with administration). */
export const PLAN_CATALOG: TPlanSpec[] = [
  { key: "free", name: "Free", paid: false, interval: "month", allotmentInterval: "month", creditsPerCycle: 0, priceMinor: 0, currency: "usd", sortOrder: 0 },
  { key: "ai-starter", name: "AI Starter", paid: true, interval: "month", allotmentInterval: "month", creditsPerCycle: 1_000, priceMinor: 900, currency: "usd", sortOrder: 10 },
  { key: "ai-pro", name: "AI Pro", paid: true, interval: "month", allotmentInterval: "month", creditsPerCycle: 5_000, priceMinor: 2_900, currency: "usd", sortOrder: 20 },
  { key: "team", name: "Team", paid: true, interval: "month", allotmentInterval: "month", creditsPerCycle: 10_000, priceMinor: 900, currency: "usd", sortOrder: 30 },
  { key: "business", name: "Business", paid: true, interval: "month", allotmentInterval: "month", creditsPerCycle: 80_000, priceMinor: 5_900, currency: "usd", sortOrder: 40 },
  { key: "pro-annual", name: "Pro (annual)", paid: true, interval: "year", allotmentInterval: "year", creditsPerCycle: 60_000, priceMinor: 29_000, currency: "usd", sortOrder: 50 },
  { key: "core-annual", name: "Core (annual, monthly reset)", paid: true, interval: "year", allotmentInterval: "month", creditsPerCycle: 10_000, priceMinor: 9_000, currency: "usd", sortOrder: 60 },
];

import { describe, expect, it } from "vitest";
import { creditPriceMicros, PLAN_CATALOG } from "@/lib/plans/plan-catalog";
import { POLICY_PRESETS } from "@/lib/credits/policy";
import { surchargedPriceMinor } from "@/lib/billing/purchases/price-offers";
import { basePriceMinor, cycleCapCredits, failureGuardAllows, loopGuardAllows, planReload, reloadBasis, reloadPriceMinor } from "@/lib/billing/auto-reload/auto-reload-math";

function plan(key: string) {
  const spec = PLAN_CATALOG.find((p) => p.key === key)!;
  return { creditPriceMicros: creditPriceMicros(spec), currency: spec.currency, creditsPerCycle: spec.creditsPerCycle };
}

describe("auto-reload surcharge", () => {
  it("page 003: 10,000 credits on a $9 / 10,000 plan cost $9 + 30% = $11.70", () => {
    const basis = reloadBasis(POLICY_PRESETS["cycle-extras"].pricing, plan("team"), 10_000)!;
    expect(basis).toEqual({ priceMicros: 90_000, currency: "usd", unitCredits: 1_000 });
    expect(basePriceMinor(10_000, basis.priceMicros)).toBe(900);
    expect(reloadPriceMinor(10_000, basis.priceMicros, 30)).toBe(1_170);
  });

  it("rounds half up to a cent and agrees with the purchases' surcharged price", () => {
    const business = plan("business"); // $59 / 80,000 credits = 73,750 micros
    expect(reloadPriceMinor(10_000, business.creditPriceMicros, 30)).toBe(959); // 958.75 → 959
    expect(reloadPriceMinor(10_000, business.creditPriceMicros, 0)).toBe(738); // 737.5 → 738
    for (const credits of [1, 7, 999, 10_000, 123_457]) {
      for (const pct of [0, 15, 30]) expect(reloadPriceMinor(credits, 73_750, pct)).toBe(surchargedPriceMinor(credits, 73_750, pct));
    }
  });

  it("packs: a matching pack is its own price; other amounts take the largest pack below them", () => {
    const pricing = POLICY_PRESETS["client-packs"].pricing;
    const exact = reloadBasis(pricing, null, 5_000)!;
    expect(reloadPriceMinor(5_000, exact.priceMicros, 0)).toBe(6_500);
    expect(reloadPriceMinor(5_000, exact.priceMicros, 30)).toBe(8_450);
    expect(reloadBasis(pricing, null, 500)!.priceMicros).toBe(1_500_000);
    expect(reloadBasis(pricing, null, 7_000)!.priceMicros).toBe(1_300_000);
  });

  it("units without a paid plan cannot be priced", () => {
    expect(reloadBasis(POLICY_PRESETS["cycle-extras"].pricing, null, 10_000)).toBeNull();
  });
});

describe("auto-reload caps", () => {
  it("page 003: an 80,000 plan allows exactly 8 reloads of 10,000 per cycle", () => {
    const cap = cycleCapCredits("plan_credits", plan("business"), null, 10_000);
    expect(cap).toBe(80_000);
    let bought = 0;
    let reloads = 0;
    for (;;) {
      const reload = planReload({ mode: "fixed", amountCredits: 10_000, unitCredits: 1_000, available: 0, required: 10, capRemaining: cap - bought });
      if (reload.status !== "buy") break;
      bought += reload.credits;
      reloads++;
    }
    expect(reloads).toBe(8);
    expect(bought).toBe(80_000);
  });

  it("never unlimited: the workspace's own cap can only lower the policy's; no policy cap means a default", () => {
    expect(cycleCapCredits("plan_credits", plan("business"), 30_000, 10_000)).toBe(30_000);
    expect(cycleCapCredits("plan_credits", plan("business"), 500_000, 10_000)).toBe(80_000);
    expect(cycleCapCredits(null, null, null, 5_000)).toBe(50_000);
    expect(cycleCapCredits(null, null, 20_000, 5_000)).toBe(20_000);
    expect(cycleCapCredits(50_000, null, null, 5_000)).toBe(50_000);
    expect(cycleCapCredits("plan_credits", null, null, 10_000)).toBe(0);
  });

  it("fixed: exactly one pack per reload; a request one pack does not cover is refused, never part of a pack to fit the cap", () => {
    const base = { mode: "fixed" as const, amountCredits: 10_000, unitCredits: 1_000 };
    expect(planReload({ ...base, available: 3, required: 50, capRemaining: 80_000 })).toEqual({ status: "buy", credits: 10_000 });
    expect(planReload({ ...base, available: 0, required: 10_000, capRemaining: 80_000 })).toEqual({ status: "buy", credits: 10_000 });
    expect(planReload({ ...base, available: 0, required: 25_000, capRemaining: 80_000 })).toEqual({ status: "exceeds_reload" });
    expect(planReload({ ...base, available: 10, required: 2_000_010, capRemaining: 80_000 })).toEqual({ status: "exceeds_reload" });
    expect(planReload({ ...base, available: 150, required: null, capRemaining: 10_000 })).toEqual({ status: "buy", credits: 10_000 });
    expect(planReload({ ...base, available: 0, required: 10, capRemaining: 9_999 })).toEqual({ status: "cap_reached" });
  });

  it("refill to: up to the target, rounded up to the unit; a request above the target is refused", () => {
    const base = { mode: "refill_to" as const, amountCredits: 5_000, unitCredits: 1_000 };
    expect(planReload({ ...base, available: 120, required: null, capRemaining: 50_000 })).toEqual({ status: "buy", credits: 5_000 });
    expect(planReload({ ...base, available: 1_500, required: 1_600, capRemaining: 50_000 })).toEqual({ status: "buy", credits: 4_000 });
    expect(planReload({ ...base, available: 100, required: 9_000, capRemaining: 50_000 })).toEqual({ status: "exceeds_reload" });
    expect(planReload({ ...base, available: 6_000, required: null, capRemaining: 50_000 })).toEqual({ status: "not_needed" });
    expect(planReload({ ...base, available: 0, required: 10, capRemaining: 4_000 })).toEqual({ status: "cap_reached" });
  });

  it("loop guard: the next reload once the previous one's credits are used up; failure guard: 1 failure per hour", () => {
    expect(loopGuardAllows({ previousLeft: null, needed: 50 })).toBe(true);
    expect(loopGuardAllows({ previousLeft: 0, needed: 50 })).toBe(true);
    expect(loopGuardAllows({ previousLeft: 49, needed: 50 })).toBe(true);
    expect(loopGuardAllows({ previousLeft: 10_000, needed: 50 })).toBe(false);
    expect(failureGuardAllows(0)).toBe(true);
    expect(failureGuardAllows(1)).toBe(false);
  });
});

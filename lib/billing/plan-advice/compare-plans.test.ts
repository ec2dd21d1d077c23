import { describe, expect, it } from "vitest";
import { comparePlans, type TPlanOption } from "@/lib/billing/plan-advice/compare-plans";

const plan = (key: string, creditsPerCycle: number, priceMinor: number): TPlanOption => ({ key, name: key, creditsPerCycle, priceMinor, currency: "usd", paid: true, interval: "month" });
const PLANS = [plan("starter", 1_000, 900), plan("pro", 5_000, 2_900), plan("business", 80_000, 5_900)];

describe("plan advice after packs", () => {
  it("says nothing after one pack", () => {
    expect(comparePlans({ packs: [{ credits: 5_000, amountMinor: 6_500, currency: "usd" }], currentPlan: PLANS[0], plans: PLANS })).toBeNull();
  });

  it("after two packs suggests the cheapest plan covering plan + packs, with the saving", () => {
    const advice = comparePlans({
      packs: [{ credits: 1_000, amountMinor: 1_500, currency: "usd" }, { credits: 1_000, amountMinor: 1_500, currency: "usd" }],
      currentPlan: PLANS[0],
      plans: PLANS,
    });
    expect(advice).toMatchObject({ packsBought: 2, creditsBought: 2_000, spentOnPacksMinor: 3_000, suggested: { key: "pro" }, savingMinor: 900 + 3_000 - 2_900 });
  });

  it("suggests nothing when no plan would have cost less", () => {
    const advice = comparePlans({
      packs: [{ credits: 100, amountMinor: 100, currency: "usd" }, { credits: 100, amountMinor: 100, currency: "usd" }],
      currentPlan: PLANS[0],
      plans: PLANS,
    });
    expect(advice).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { priceOffers, surchargedPriceMinor } from "@/lib/billing/purchases/price-offers";

describe("price offers", () => {
  it("prices fixed packs exactly as the policy lists them", () => {
    const offers = priceOffers({ kind: "packs", currency: "usd", packs: [{ credits: 3000, priceMinor: 900 }, { credits: 100000, priceMinor: 24900 }] }, null);
    expect(offers.map((o) => [o.id, o.credits, o.amountMinor])).toEqual([["pack-3000", 3000, 900], ["pack-100000", 100000, 24900]]);
  });

  it("prices units of 1,000 at the plan's per-credit price ($9 for 10,000 → $0.90 per 1,000)", () => {
    const offers = priceOffers({ kind: "plan_units", unitCredits: 1000, minUnits: 1, maxUnits: 10 }, { creditPriceMicros: 90_000, currency: "usd" });
    expect(offers[0]).toMatchObject({ id: "units-1", credits: 1000, amountMinor: 90 });
    expect(offers[9]).toMatchObject({ id: "units-10", credits: 10000, amountMinor: 900 });
  });

  it("offers no units without a plan to price them", () => {
    expect(priceOffers({ kind: "plan_units", unitCredits: 1000, minUnits: 1, maxUnits: 3 }, null)).toEqual([]);
  });

  it("gives currency tiers the credits of their rate (£25 at 400 per £1 → 10,000)", () => {
    const offers = priceOffers({ kind: "currency_tiers", currency: "gbp", creditsPerMajorUnit: 400, tiersMinor: [2500, 5000, 10000] }, null);
    expect(offers.map((o) => [o.credits, o.amountMinor])).toEqual([[10000, 2500], [20000, 5000], [40000, 10000]]);
    expect(offers[0].label).toBe("£25.00");
  });

  it("adds the auto-reload surcharge in integer arithmetic (10,000 at $0.0009 + 30% = $11.70)", () => {
    expect(surchargedPriceMinor(10_000, 90_000, 30)).toBe(1170);
    expect(surchargedPriceMinor(10_000, 90_000, 0)).toBe(900);
    expect(surchargedPriceMinor(1, 1, 30)).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { classifyPlanChange, MIN_CHARGE_MINOR, prorateUpgrade, type TPlanLite } from "@/lib/billing/subscriptions/plan-change";

const free: TPlanLite = { key: "free", paid: false, interval: "month", priceMinor: 0 };
const starter: TPlanLite = { key: "ai-starter", paid: true, interval: "month", priceMinor: 900 };
const pro: TPlanLite = { key: "ai-pro", paid: true, interval: "month", priceMinor: 2_900 };
const proAnnual: TPlanLite = { key: "pro-annual", paid: true, interval: "year", priceMinor: 29_000 };
const on = (plan: TPlanLite, status: "active" | "past_due" | "canceled" | "ended" = "active", billed = true) => ({ plan, status, billed });

describe("classifyPlanChange", () => {
  it("subscribes without a paid plan, after a failed renewal, or from a plan not billed here", () => {
    expect(classifyPlanChange(null, starter)).toBe("subscribe");
    expect(classifyPlanChange(on(free), starter)).toBe("subscribe");
    expect(classifyPlanChange(on(starter, "ended"), starter)).toBe("subscribe");
    expect(classifyPlanChange(on(starter, "past_due"), starter)).toBe("subscribe");
    expect(classifyPlanChange(on(starter, "active", false), pro)).toBe("subscribe");
  });

  it("upgrades to a dearer plan per month and downgrades to a cheaper one", () => {
    expect(classifyPlanChange(on(starter), pro)).toBe("upgrade");
    expect(classifyPlanChange(on(pro), starter)).toBe("downgrade");
    // $290 a year is cheaper per month than $29 a month.
    expect(classifyPlanChange(on(pro), proAnnual)).toBe("downgrade");
    expect(classifyPlanChange(on(proAnnual), pro)).toBe("upgrade");
  });

  it("choosing Free cancels a paid plan; the same plan is current, or resumed when set to end", () => {
    expect(classifyPlanChange(on(pro), free)).toBe("cancel");
    expect(classifyPlanChange(on(pro, "canceled"), free)).toBe("none");
    expect(classifyPlanChange(null, free)).toBe("none");
    expect(classifyPlanChange(on(free), free)).toBe("current");
    expect(classifyPlanChange(on(pro), pro)).toBe("current");
    expect(classifyPlanChange(on(pro, "canceled"), pro)).toBe("resume");
  });
});

describe("prorateUpgrade", () => {
  const periodStart = new Date("2026-02-01T00:00:00Z");
  const periodEnd = new Date("2026-03-01T00:00:00Z");

  it("credits the unused share of the current period", () => {
    const halfway = new Date("2026-02-15T00:00:00Z");
    expect(prorateUpgrade({ currentPriceMinor: 900, newPriceMinor: 2_900, periodStart, periodEnd, now: halfway })).toEqual({ amountMinor: 2_450, creditMinor: 450 });
    expect(prorateUpgrade({ currentPriceMinor: 900, newPriceMinor: 2_900, periodStart, periodEnd, now: periodStart }).amountMinor).toBe(2_000);
    expect(prorateUpgrade({ currentPriceMinor: 900, newPriceMinor: 2_900, periodStart, periodEnd, now: periodEnd }).amountMinor).toBe(2_900);
  });

  it("never charges less than the gateway minimum nor more than the new price (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: -5, max: 40 }), (current, next, day) => {
        const now = new Date(periodStart.getTime() + day * 86_400_000);
        const { amountMinor, creditMinor } = prorateUpgrade({ currentPriceMinor: current, newPriceMinor: next, periodStart, periodEnd, now });
        return Number.isInteger(amountMinor) && amountMinor >= MIN_CHARGE_MINOR && amountMinor <= Math.max(next, MIN_CHARGE_MINOR) && creditMinor <= current && creditMinor >= 0;
      }),
    );
  });
});

import { describe, expect, it } from "vitest";
import { estimatePlan, parsePlannerQuantity, type TPlannerFeature } from "@/lib/credits/plan-estimate";

const FEATURES: TPlannerFeature[] = [
  { key: "livestream_minute", name: "Livestream minute", unit: "minute", credits: { fast: 2, balanced: 3, premium: 5 } },
  { key: "ai_clip", name: "AI clip", unit: "clip", credits: { fast: 5, balanced: 10, premium: 20 } },
];

describe("estimatePlan", () => {
  it("prices each activity at its quality, balanced by default, and sums them", () => {
    const estimate = estimatePlan(
      FEATURES,
      [
        { feature: "livestream_minute", quantity: 60 },
        { feature: "ai_clip", quantity: 4, quality: "premium" },
      ],
      1000,
    );
    expect(estimate.lines).toEqual([
      { feature: "livestream_minute", quantity: 60, quality: "balanced", unitCredits: 3, credits: 180 },
      { feature: "ai_clip", quantity: 4, quality: "premium", unitCredits: 20, credits: 80 },
    ]);
    expect(estimate).toMatchObject({ total: 260, available: 1000, after: 740, shortBy: 0 });
  });

  it("goes negative after the estimate when the balance is short", () => {
    const estimate = estimatePlan(FEATURES, [{ feature: "ai_clip", quantity: 12, quality: "fast" }], 50);
    expect(estimate).toMatchObject({ total: 60, after: -10, shortBy: 10 });
  });

  it("ignores unknown features and treats bad quantities as zero", () => {
    const estimate = estimatePlan(
      FEATURES,
      [
        { feature: "gone", quantity: 3 },
        { feature: "ai_clip", quantity: -4 },
        { feature: "ai_clip", quantity: 1.5 },
      ],
      10,
    );
    expect(estimate.lines.map((l) => l.credits)).toEqual([0, 0]);
    expect(estimate).toMatchObject({ total: 0, after: 10, shortBy: 0 });
  });

  it("estimates nothing as zero", () => {
    expect(estimatePlan(FEATURES, [], 0)).toEqual({ lines: [], total: 0, available: 0, after: 0, shortBy: 0 });
  });
});

describe("parsePlannerQuantity", () => {
  it("accepts whole numbers only and caps them", () => {
    expect(parsePlannerQuantity(" 42 ")).toBe(42);
    expect(parsePlannerQuantity("")).toBe(0);
    expect(parsePlannerQuantity("-3")).toBe(0);
    expect(parsePlannerQuantity("2.5")).toBe(0);
    expect(parsePlannerQuantity("1e3")).toBe(0);
    expect(parsePlannerQuantity("99999999999999")).toBe(1_000_000_000);
  });
});

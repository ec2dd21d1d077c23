import { describe, expect, it } from "vitest";
import { describeBalance, lowCreditThreshold, PAUSED_FREE_PLAN, PAUSED_VIEWER } from "@/lib/credits/describe-balance";

describe("describeBalance", () => {
  it("labels buckets and explains a top-up paused on the Free plan", () => {
    const view = describeBalance({
      balance: {
        member: "m",
        available: 400,
        buckets: [
          { source: "plan", remaining: 400, expiresAt: "2026-12-01T00:00:00.000Z", paused: false },
          { source: "top_up", remaining: 3000, expiresAt: null, paused: true },
        ],
      },
      canSpend: true,
      planCredits: 1000,
    });
    expect(view.buckets.map((b) => [b.label, b.remaining, b.pausedReason])).toEqual([
      ["Plan", 400, null],
      ["Top-up", 3000, PAUSED_FREE_PLAN],
    ]);
    expect(view).toMatchObject({ available: 400, pausedCredits: 3000, low: false, spendingPausedMessage: null });
  });

  it("says a viewer's buckets are paused for their role and does not warn them about a low balance", () => {
    const view = describeBalance({
      balance: { member: "v", available: 0, buckets: [{ source: "pool", remaining: 50, expiresAt: null, paused: true }] },
      canSpend: false,
      planCredits: null,
    });
    expect(view.buckets[0].pausedReason).toBe(PAUSED_VIEWER);
    expect(view.low).toBe(false);
  });

  it("warns below 100 credits or 10% of the plan, whichever is more", () => {
    expect(lowCreditThreshold(null)).toBe(100);
    expect(lowCreditThreshold(500)).toBe(100);
    expect(lowCreditThreshold(5000)).toBe(500);
    const balance = (available: number) => ({ member: "m", available, buckets: [] });
    expect(describeBalance({ balance: balance(99), canSpend: true, planCredits: null }).low).toBe(true);
    expect(describeBalance({ balance: balance(100), canSpend: true, planCredits: null }).low).toBe(false);
    expect(describeBalance({ balance: balance(499), canSpend: true, planCredits: 5000 }).low).toBe(true);
  });

  it("explains a workspace-wide pause after a failed automatic payment", () => {
    const view = describeBalance({
      balance: { member: "m", available: 10, buckets: [], spendingPausedReason: "auto_reload_payment_failed" },
      canSpend: true,
      planCredits: null,
    });
    expect(view.spendingPausedMessage).toMatch(/automatic top-up payment failed/);
  });
});

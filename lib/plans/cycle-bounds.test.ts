import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addMonthsUTC, cycleBounds } from "@/lib/plans/cycle-bounds";

const d = (iso: string) => new Date(iso);

describe("cycleBounds", () => {
  it("clamps month ends from the anchor, not from the previous cycle", () => {
    const anchor = d("2024-01-31T10:00:00Z");
    expect(addMonthsUTC(anchor, 1).toISOString()).toBe("2024-02-29T10:00:00.000Z");
    expect(addMonthsUTC(anchor, 2).toISOString()).toBe("2024-03-31T10:00:00.000Z");
    expect(addMonthsUTC(anchor, 13).toISOString()).toBe("2025-02-28T10:00:00.000Z");
  });

  it("finds the cycle containing a moment, monthly", () => {
    const cycle = cycleBounds(d("2024-01-31T00:00:00Z"), "month", d("2024-03-15T00:00:00Z"));
    expect(cycle).toEqual({ index: 1, start: d("2024-02-29T00:00:00Z"), end: d("2024-03-31T00:00:00Z") });
  });

  it("handles leap days on annual plans", () => {
    const cycle = cycleBounds(d("2024-02-29T12:00:00Z"), "year", d("2025-03-01T00:00:00Z"));
    expect(cycle.start.toISOString()).toBe("2025-02-28T12:00:00.000Z");
    expect(cycle.end.toISOString()).toBe("2026-02-28T12:00:00.000Z");
  });

  it("starts a new cycle exactly at its boundary", () => {
    const cycle = cycleBounds(d("2024-01-15T00:00:00Z"), "month", d("2024-02-15T00:00:00Z"));
    expect(cycle.index).toBe(1);
  });

  it("always contains the moment (property)", () => {
    const moment = fc.date({ min: d("2020-01-01T00:00:00Z"), max: d("2040-01-01T00:00:00Z"), noInvalidDate: true });
    fc.assert(
      fc.property(moment, moment, fc.constantFrom("month" as const, "year" as const), (a, b, interval) => {
        const [anchor, at] = a <= b ? [a, b] : [b, a];
        const cycle = cycleBounds(anchor, interval, at);
        return cycle.start <= at && at < cycle.end;
      }),
    );
  });
});

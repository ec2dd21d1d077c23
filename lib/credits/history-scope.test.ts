import { describe, expect, it } from "vitest";
import { parseHistoryFilter } from "@/lib/credits/history-scope";
import { creditEventKind } from "@/lib/credits/credit-event-kinds";

describe("parseHistoryFilter", () => {
  it("reads type and member and ignores what it does not know", () => {
    expect(parseHistoryFilter({ type: "usage", member: "u1" })).toEqual({ kind: "usage", memberId: "u1" });
    expect(parseHistoryFilter({ type: "bogus", member: "" })).toEqual({});
    expect(parseHistoryFilter({ type: ["refund", "usage"] })).toEqual({ kind: "refund" });
    expect(parseHistoryFilter({})).toEqual({});
  });
});

describe("creditEventKind", () => {
  it("names every ledger movement the way the history shows it", () => {
    expect(creditEventKind("grant", "top_up", null)).toBe("top_up");
    expect(creditEventKind("grant", "auto_reload", null)).toBe("top_up");
    expect(creditEventKind("grant", "plan", null)).toBe("allocation");
    expect(creditEventKind("grant", "starter", null)).toBe("allocation");
    expect(creditEventKind("grant", "adjustment", null)).toBe("adjustment");
    expect(creditEventKind("grant", "promotional", null)).toBe("adjustment");
    expect(creditEventKind("debit", "plan", "captured")).toBe("usage");
    expect(creditEventKind("hold", "plan", "captured")).toBe("usage");
    expect(creditEventKind("hold", "plan", "held")).toBe("hold");
    expect(creditEventKind("release", "plan", "released")).toBe("release");
    expect(creditEventKind("refund", "refund", "captured")).toBe("refund");
    expect(creditEventKind("expire", "plan", null)).toBe("expiry");
  });
});

import { describe, expect, it } from "vitest";
import { buildCreditEventsCsv, csvField } from "@/lib/credits/credit-events-csv";
import type { TCreditHistoryEvent } from "@/lib/credits/list-credit-history";

const base: TCreditHistoryEvent = {
  id: "12",
  kind: "usage",
  type: "debit",
  credits: -5,
  source: "plan",
  feature: "draft_post",
  featureName: "Draft post",
  group: "campaign:spring",
  member: { id: "u1", name: "Ada Lovelace", email: "ada@example.test" },
  actorLabel: "API key",
  balanceAfter: 995,
  createdAt: "2026-11-24T10:00:00.000Z",
  memo: null,
};

describe("csvField", () => {
  it("quotes commas, quotes and line breaks and doubles quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
  });

  it("writes numbers as numbers and empties null", () => {
    expect(csvField(-5)).toBe("-5");
    expect(csvField(0)).toBe("0");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField(Number.NaN)).toBe("");
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvField("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("-2")).toBe("'-2");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
  });
});

describe("buildCreditEventsCsv", () => {
  it("writes a header and one CRLF row per event", () => {
    const csv = buildCreditEventsCsv([
      base,
      { ...base, id: "11", kind: "top_up", type: "grant", credits: 500, source: "top_up", feature: null, featureName: null, group: null, member: null, actorLabel: null, memo: "Pack, 500" },
    ]);
    expect(csv.split("\r\n")).toEqual([
      "Time (UTC),Event,Credits,Bucket,Feature,Group,Member,Member email,By,Balance after,Memo,Entry id",
      "2026-11-24T10:00:00.000Z,Captured usage,-5,Plan,Draft post,campaign:spring,Ada Lovelace,ada@example.test,API key,995,,12",
      '2026-11-24T10:00:00.000Z,Top-up,500,Top-up,,,Workspace pool,,,995,"Pack, 500",11',
      "",
    ]);
  });

  it("writes only the header when there are no events", () => {
    expect(buildCreditEventsCsv([])).toBe("Time (UTC),Event,Credits,Bucket,Feature,Group,Member,Member email,By,Balance after,Memo,Entry id\r\n");
  });
});

import { describe, expect, it } from "vitest";
import { buildInvoiceLines } from "@/lib/billing/invoices/invoice-lines";

describe("buildInvoiceLines", () => {
  it("prints one row per beneficiary with credits and money formatted", () => {
    const { lines, total } = buildInvoiceLines({
      kind: "top_up",
      description: "3,000 credits for 2 members",
      currency: "usd",
      totalMinor: 2_000,
      lines: [
        { beneficiaryName: "Ann", beneficiaryEmail: "ann@x.test", credits: 3_000, amountMinor: 1_000 },
        { beneficiaryName: null, beneficiaryEmail: null, credits: 3_000, amountMinor: 1_000 },
      ],
    });
    expect(lines).toEqual([
      { description: "Top-up credits: 3,000 credits", beneficiary: "Ann <ann@x.test>", credits: "3,000", amount: "$10.00" },
      { description: "Top-up credits: 3,000 credits", beneficiary: "Workspace pool", credits: "3,000", amount: "$10.00" },
    ]);
    expect(total).toBe("$20.00");
  });

  it("names a workspace plan and its credits per cycle", () => {
    const { lines } = buildInvoiceLines({ kind: "subscription", description: "AI Pro plan", currency: "gbp", totalMinor: 2_900, lines: [{ beneficiaryName: null, beneficiaryEmail: null, credits: 5_000, amountMinor: 2_900 }] });
    expect(lines[0]).toMatchObject({ description: "AI Pro plan", beneficiary: "Whole workspace", credits: "5,000 per cycle" });
    expect(lines[0].amount).toMatch(/29\.00/);
  });
});

import { formatCredits, formatMoney } from "@/lib/format";

export type TInvoiceSource = {
  kind: "top_up" | "extra" | "auto_reload" | "subscription";
  description: string;
  currency: string;
  totalMinor: number;
  lines: { beneficiaryName: string | null; beneficiaryEmail: string | null; credits: number; amountMinor: number }[];
};

export type TInvoiceLine = { description: string; beneficiary: string; credits: string; amount: string };

const KIND_LABEL: Record<TInvoiceSource["kind"], string> = { top_up: "Top-up credits", extra: "Extra credits", auto_reload: "Auto-reload credits", subscription: "Plan" };

/** The printable rows of an invoice: one per beneficiary, money and credits formatted, and the total. */
export function buildInvoiceLines(source: TInvoiceSource): { lines: TInvoiceLine[]; total: string } {
  const lines = source.lines.map((line) => ({
    description: source.kind === "subscription" ? source.description : `${KIND_LABEL[source.kind]}: ${formatCredits(line.credits)} credits`,
    beneficiary: line.beneficiaryName
      ? `${line.beneficiaryName}${line.beneficiaryEmail ? ` <${line.beneficiaryEmail}>` : ""}`
      : source.kind === "subscription" ? "Whole workspace" : "Workspace pool",
    credits: source.kind === "subscription" ? `${formatCredits(line.credits)} per cycle` : formatCredits(line.credits),
    amount: formatMoney(line.amountMinor, source.currency),
  }));
  return { lines, total: formatMoney(source.totalMinor, source.currency) };
}

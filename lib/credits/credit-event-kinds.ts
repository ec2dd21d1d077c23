import type { CreditSource, LedgerEntryType } from "@/lib/generated/prisma/enums";

/**
 * What a person reads in the history, derived from the ledger entry's type and its grant's
 * source (and, for holds, whether the hold was captured). Pure: shared by the query, the CSV and
 * the browser.
 */
export const CREDIT_EVENT_KINDS = ["top_up", "allocation", "usage", "hold", "release", "refund", "expiry", "adjustment"] as const;
export type TCreditEventKind = (typeof CREDIT_EVENT_KINDS)[number];

export const CREDIT_EVENT_KIND_LABELS: Record<TCreditEventKind, string> = {
  top_up: "Top-up",
  allocation: "Included allocation",
  usage: "Captured usage",
  hold: "Hold",
  release: "Hold released",
  refund: "Refund",
  expiry: "Expiry",
  adjustment: "Adjustment",
};

export const CREDIT_SOURCE_LABELS: Record<CreditSource, string> = {
  plan: "Plan",
  pool: "Pool share",
  starter: "Starter",
  top_up: "Top-up",
  auto_reload: "Auto-reload",
  extra: "Extras",
  promotional: "Promotional",
  refund: "Refund",
  adjustment: "Adjustment",
};

const PURCHASED: readonly CreditSource[] = ["top_up", "auto_reload", "extra"];
const INCLUDED: readonly CreditSource[] = ["plan", "pool", "starter"];

export function creditEventKind(type: LedgerEntryType, source: CreditSource, usageStatus: string | null): TCreditEventKind {
  switch (type) {
    case "debit":
      return "usage";
    case "hold":
      // A captured hold keeps its `hold` entries; the uncaptured rest comes back as `release`.
      return usageStatus === "captured" ? "usage" : "hold";
    case "release":
      return "release";
    case "refund":
      return "refund";
    case "expire":
      return "expiry";
    case "grant":
      if (PURCHASED.includes(source)) return "top_up";
      if (INCLUDED.includes(source)) return "allocation";
      if (source === "refund") return "refund";
      return "adjustment";
  }
}

/**
 * The SQL condition selecting one kind, over `e` (ledger entries) and `u` (their usage). Built
 * from constants only (never from input), so it is safe to splice into a query.
 */
export function creditEventKindSql(kind: TCreditEventKind): string {
  const sources = (list: readonly CreditSource[]) => list.map((s) => `'${s}'`).join(", ");
  switch (kind) {
    case "top_up":
      return `(e.type = 'grant' AND e.source IN (${sources(PURCHASED)}))`;
    case "allocation":
      return `(e.type = 'grant' AND e.source IN (${sources(INCLUDED)}))`;
    case "usage":
      return `(e.type = 'debit' OR (e.type = 'hold' AND u.status = 'captured'))`;
    case "hold":
      return `(e.type = 'hold' AND u.status IS DISTINCT FROM 'captured')`;
    case "release":
      return `(e.type = 'release')`;
    case "refund":
      return `(e.type = 'refund' OR (e.type = 'grant' AND e.source = 'refund'))`;
    case "expiry":
      return `(e.type = 'expire')`;
    case "adjustment":
      return `(e.type = 'grant' AND e.source IN ('promotional', 'adjustment'))`;
  }
}

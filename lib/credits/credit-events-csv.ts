import { CREDIT_EVENT_KIND_LABELS, CREDIT_SOURCE_LABELS } from "@/lib/credits/credit-event-kinds";
import type { TCreditHistoryEvent } from "@/lib/credits/list-credit-history";

export const CREDIT_EVENTS_CSV_HEADER = [
  "Time (UTC)",
  "Event",
  "Credits",
  "Bucket",
  "Feature",
  "Group",
  "Member",
  "Member email",
  "By",
  "Balance after",
  "Memo",
  "Entry id",
] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled.
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading `'`;
 * numbers are written as they are, so negative credits stay numbers.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(fields: (string | number | null | undefined)[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

export function creditEventCsvRow(event: TCreditHistoryEvent): string {
  return csvRow([
    event.createdAt,
    CREDIT_EVENT_KIND_LABELS[event.kind],
    event.credits,
    CREDIT_SOURCE_LABELS[event.source],
    event.featureName ?? event.feature,
    event.group,
    event.member?.name ?? "Workspace pool",
    event.member?.email,
    event.actorLabel,
    event.balanceAfter,
    event.memo,
    event.id,
  ]);
}

/** A whole CSV document (header first, CRLF line ends) for a list of events. */
export function buildCreditEventsCsv(events: TCreditHistoryEvent[]): string {
  return csvRow([...CREDIT_EVENTS_CSV_HEADER]) + events.map(creditEventCsvRow).join("");
}

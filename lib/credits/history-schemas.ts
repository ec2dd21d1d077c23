import { z } from "zod";
import { CREDIT_EVENT_KINDS } from "@/lib/credits/credit-event-kinds";
import { ZLedgerCursor } from "@/lib/credits/schemas";

export const ZCreditEventKind = z.enum(CREDIT_EVENT_KINDS);
export const ZHistoryCursor = ZLedgerCursor;

/** Filters of the Credits page history, its "Load older events" action and its CSV export. */
export const ZCreditHistoryFilter = z.object({
  kind: ZCreditEventKind.optional(),
  /** A member's user id; only people who may read the whole ledger may set it. */
  memberId: z.string().trim().min(1).max(100).optional(),
});
export type TCreditHistoryFilter = z.infer<typeof ZCreditHistoryFilter>;

/** Events per page on the Credits page and per "Load older events". */
export const CREDIT_HISTORY_PAGE_SIZE = 25;

export const ZLoadOlderCreditEventsInput = ZCreditHistoryFilter.extend({
  workspaceSlug: z.string().min(1).max(100),
  cursor: ZHistoryCursor,
});
export type TLoadOlderCreditEventsInput = z.infer<typeof ZLoadOlderCreditEventsInput>;

export const USAGE_PERIODS = [7, 30, 90] as const;
export type TUsagePeriod = (typeof USAGE_PERIODS)[number];

/** The grouped-usage period from a search param; anything else is the default 30 days. */
export function parseUsagePeriod(value: unknown): TUsagePeriod {
  const days = Number(Array.isArray(value) ? value[0] : value);
  return (USAGE_PERIODS as readonly number[]).includes(days) ? (days as TUsagePeriod) : 30;
}

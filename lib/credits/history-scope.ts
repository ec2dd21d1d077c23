import { ZCreditEventKind, type TCreditHistoryFilter } from "@/lib/credits/history-schemas";

function first(value: string | string[] | null | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text && text.trim() !== "" ? text.trim() : undefined;
}

/** History filters from search params (`type`, `member`); an unknown value is ignored, not an error. */
export function parseHistoryFilter(query: { type?: string | string[] | null; member?: string | string[] | null }): TCreditHistoryFilter {
  const kind = ZCreditEventKind.safeParse(first(query.type));
  const memberId = first(query.member);
  return {
    ...(kind.success ? { kind: kind.data } : {}),
    ...(memberId && memberId.length <= 100 ? { memberId } : {}),
  };
}

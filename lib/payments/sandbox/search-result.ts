import { invalidRequest } from "./errors";
import type { Params } from "./form-body";
import { readInteger, readString, readStringList } from "./params";
import { matchesSearch, parseSearchQuery, type SearchFieldKind, type SearchFieldReader } from "./search-query";

export interface SearchResult<T> {
  object: "search_result";
  data: T[];
  has_more: boolean;
  next_page: string | null;
  url: string;
  /** Only with `expand[]=total_count`, as Stripe does. */
  total_count?: number;
}

// `page` is opaque to callers (Stripe's is too); here it carries the offset of the next page.
const encodePage = (offset: number) => Buffer.from(`offset:${offset}`).toString("base64url");

function decodePage(page: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(page, "base64url").toString("utf8"));
  if (!match) throw invalidRequest("Invalid page: this is not a `next_page` value from an earlier search.", { param: "page" });
  return Number(match[1]);
}

/**
 * A search endpoint's answer per Stripe's documented shape: `query` (required), `limit` 1–100
 * (default 10), `page` from an earlier `next_page`; newest first. Results are immediate here,
 * where Stripe's index may lag writes by up to a minute.
 */
export function searchObjects<T>(items: T[], params: Params, url: string, fields: Record<string, SearchFieldKind>, read: SearchFieldReader<T>): SearchResult<T> {
  const text = readString(params, "query");
  if (!text) throw invalidRequest("Missing required param: query.", { code: "parameter_missing", param: "query" });
  const query = parseSearchQuery(text, fields);
  const limit = readInteger(params, "limit") ?? 10;
  if (limit < 1 || limit > 100) throw invalidRequest(`This value must be between 1 and 100 (it currently is ${limit}).`, { param: "limit" });
  const page = readString(params, "page");
  const start = page ? decodePage(page) : 0;
  const matches = items.filter((item) => matchesSearch(query, item, read));
  const hasMore = start + limit < matches.length;
  const result: SearchResult<T> = { object: "search_result", data: matches.slice(start, start + limit), has_more: hasMore, next_page: hasMore ? encodePage(start + limit) : null, url };
  if ((readStringList(params, "expand") ?? []).includes("total_count")) result.total_count = matches.length;
  return result;
}

import { invalidRequest } from "./errors";
import type { Params } from "./form-body";
import { readInteger, readString } from "./params";

export interface ListObject<T> {
  object: "list";
  data: T[];
  has_more: boolean;
  url: string;
}

/**
 * One page of `items` (already newest first) per Stripe's cursor pagination:
 * `limit` 1–100 (default 10), then `starting_after` or `ending_before` an object id.
 */
export function paginate<T extends { id: string }>(items: T[], params: Params, url: string): ListObject<T> {
  const limit = readInteger(params, "limit") ?? 10;
  if (limit < 1 || limit > 100) throw invalidRequest("This value must be between 1 and 100 (it currently is " + limit + ").", { param: "limit" });
  const after = readString(params, "starting_after");
  const before = readString(params, "ending_before");
  const cursorIndex = (id: string, param: string): number => {
    const index = items.findIndex((item) => item.id === id);
    if (index < 0) throw invalidRequest(`No such object: '${id}'`, { param, code: "resource_missing" });
    return index;
  };
  if (before) {
    const end = cursorIndex(before, "ending_before");
    const start = Math.max(0, end - limit);
    return { object: "list", data: items.slice(start, end), has_more: start > 0, url };
  }
  const start = after ? cursorIndex(after, "starting_after") + 1 : 0;
  return { object: "list", data: items.slice(start, start + limit), has_more: start + limit < items.length, url };
}

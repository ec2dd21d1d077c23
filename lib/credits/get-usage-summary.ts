import { summarizeUsageByGroup, type TUsageSummary } from "@/lib/credits/summarize-usage-by-group";

/** How long a grouped-usage summary is reused: a report may lag a minute, the page may not stall. */
export const USAGE_SUMMARY_TTL_MS = 60_000;
const MAX_ENTRIES = 1_000;

type TEntry = { at: number; summary: Promise<TUsageSummary> };
const cache = new Map<string, TEntry>();

/**
 * summarizeUsageByGroup behind a per-process cache of one minute (concurrent callers share one
 * query). A workspace-wide summary aggregates every usage of the period, which over a
 * million-row ledger takes hundreds of milliseconds; the Credits page must not pay that on every
 * load. Keyed by workspace, member and period, so nobody sees a summary of another scope.
 */
export function getUsageSummary(options: { workspaceId: string; memberId?: string; days: number; now?: () => number }): Promise<TUsageSummary> {
  const now = options.now?.() ?? Date.now();
  const key = `${options.workspaceId}\u0000${options.memberId ?? "*"}\u0000${options.days}`;
  const hit = cache.get(key);
  if (hit && now - hit.at < USAGE_SUMMARY_TTL_MS) return hit.summary;
  const summary = summarizeUsageByGroup({ workspaceId: options.workspaceId, memberId: options.memberId, days: options.days, now: new Date(now) });
  // A failed query is not cached: the next load tries again.
  summary.catch(() => cache.delete(key));
  cache.delete(key);
  cache.set(key, { at: now, summary });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return summary;
}

"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { Alert } from "@/components/ui/field";
import { LocalTime } from "@/components/credits/local-time";
import { loadOlderCreditEventsAction } from "@/lib/actions/credits/credit-history-actions";
import { formatCredits } from "@/lib/format";
import { CREDIT_EVENT_KIND_LABELS, CREDIT_EVENT_KINDS, CREDIT_SOURCE_LABELS } from "@/lib/credits/credit-event-kinds";
import type { TCreditHistoryFilter } from "@/lib/credits/history-schemas";
import type { TCreditHistoryEvent, TCreditHistoryPage } from "@/lib/credits/list-credit-history";

type TMemberOption = { userId: string; name: string; email: string };
const CONTROL = "block w-full rounded-md border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500";

function signed(credits: number): string {
  return credits > 0 ? `+${formatCredits(credits)}` : formatCredits(credits);
}

function who(event: TCreditHistoryEvent): string {
  const member = event.member ? event.member.name || event.member.email : "Workspace pool";
  return event.actorLabel && event.actorLabel !== event.member?.name ? `${member} (by ${event.actorLabel})` : member;
}

/**
 * The credit event history: filters (a GET form, so they live in the URL), the first page from
 * the server, and "Load older events" pages fetched with the last row's keyset cursor.
 */
export function CreditHistory({
  workspaceSlug,
  initial,
  filter,
  members,
  period,
}: {
  workspaceSlug: string;
  initial: TCreditHistoryPage;
  filter: TCreditHistoryFilter;
  /** Offered as a filter to people who may read the whole ledger; null for everyone else. */
  members: TMemberOption[] | null;
  period: number;
}) {
  const [events, setEvents] = useState(initial.events);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [shown, setShown] = useState(initial);
  if (shown !== initial) {
    // A refresh (e.g. after a purchase) brought a new first page: put its newer events on top and
    // keep the older pages already loaded, unless the new page does not reach them (then restart).
    setShown(initial);
    const newest = events[0] ? BigInt(events[0].id) : 0n;
    const fresh = initial.events.filter((e) => BigInt(e.id) > newest);
    const reachesLoaded = events.length > 0 && fresh.length < initial.events.length;
    if (reachesLoaded) {
      setEvents([...fresh, ...events]);
    } else {
      setEvents(initial.events);
      setCursor(initial.nextCursor);
    }
  }
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const exportParams = new URLSearchParams();
  if (filter.kind) exportParams.set("type", filter.kind);
  if (filter.memberId) exportParams.set("member", filter.memberId);
  const exportHref = `/w/${workspaceSlug}/credits/export${exportParams.size ? `?${exportParams}` : ""}`;

  function loadOlder() {
    if (!cursor) return;
    setError(undefined);
    startTransition(async () => {
      const result = await loadOlderCreditEventsAction({ workspaceSlug, cursor, ...filter });
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      setEvents((current) => [...current, ...result.events]);
      setCursor(result.nextCursor);
    });
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter credit events">
          <input type="hidden" name="period" value={period} />
          <div className="space-y-1">
            <label htmlFor="history-type" className="block text-sm font-medium text-slate-800">Event type</label>
            <select id="history-type" name="type" defaultValue={filter.kind ?? ""} className={CONTROL}>
              <option value="">All events</option>
              {CREDIT_EVENT_KINDS.map((kind) => (
                <option key={kind} value={kind}>{CREDIT_EVENT_KIND_LABELS[kind]}</option>
              ))}
            </select>
          </div>
          {members && (
            <div className="space-y-1">
              <label htmlFor="history-member" className="block text-sm font-medium text-slate-800">Member</label>
              <select id="history-member" name="member" defaultValue={filter.memberId ?? ""} className={CONTROL}>
                <option value="">Everyone</option>
                {members.map((m) => (
                  <option key={m.userId} value={m.userId}>{m.name || m.email}</option>
                ))}
              </select>
            </div>
          )}
          <Button type="submit" variant="secondary">Apply filters</Button>
        </form>
        <a href={exportHref} download className="inline-flex items-center rounded-md px-4 py-2 text-sm font-medium text-brand-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
          Export CSV
        </a>
      </div>
      {events.length === 0 ? (
        <EmptyState title={filter.kind || filter.memberId ? "No events match these filters" : "No credit events yet"}>
          Top-ups, included allocations, usage, refunds and expiries appear here as they happen.
        </EmptyState>
      ) : (
        // Focusable so keyboard users can scroll the table sideways on narrow screens.
        <div className="overflow-x-auto" role="region" aria-label="Credit events" tabIndex={0}>
          <table className="w-full text-left text-sm" data-testid="credit-history">
            <caption className="sr-only">Credit events, newest first</caption>
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="py-2 pr-3">Time</th>
                <th scope="col" className="pr-3">Event</th>
                <th scope="col" className="pr-3 text-right">Credits</th>
                <th scope="col" className="pr-3">Bucket</th>
                <th scope="col" className="pr-3">Feature</th>
                <th scope="col" className="pr-3">Who</th>
                <th scope="col" className="text-right">Balance after</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {events.map((event) => (
                <tr key={event.id} data-testid="history-row" data-event-id={event.id} data-kind={event.kind}>
                  <td className="whitespace-nowrap py-2 pr-3"><LocalTime iso={event.createdAt} /></td>
                  <td className="pr-3">
                    {CREDIT_EVENT_KIND_LABELS[event.kind]}
                    {event.memo && <span className="block text-xs text-slate-600">{event.memo}</span>}
                  </td>
                  <td className={`pr-3 text-right tabular-nums font-medium ${event.credits < 0 ? "text-red-700" : "text-emerald-700"}`}>{signed(event.credits)}</td>
                  <td className="pr-3">{CREDIT_SOURCE_LABELS[event.source]}</td>
                  <td className="pr-3">
                    {event.featureName ?? event.feature ?? <span className="text-slate-500">—</span>}
                    {event.group && <span className="block text-xs text-slate-600">{event.group}</span>}
                  </td>
                  <td className="pr-3">{who(event)}</td>
                  <td className="text-right tabular-nums">{formatCredits(event.balanceAfter)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {error && <Alert tone="error">{error}</Alert>}
      {cursor ? (
        <Button variant="secondary" onClick={loadOlder} disabled={pending} aria-busy={pending || undefined}>
          {pending ? "Loading…" : "Load older events"}
        </Button>
      ) : (
        events.length > 0 && <p className="text-sm text-slate-600" data-testid="history-end">That&apos;s every event.</p>
      )}
    </div>
  );
}

export type TCycleInterval = "month" | "year";
export type TCycle = { index: number; start: Date; end: Date };

function daysInMonthUTC(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/** `anchor` plus n months in UTC; a day past the target month's end clamps to its last day. */
export function addMonthsUTC(anchor: Date, months: number): Date {
  const total = anchor.getUTCFullYear() * 12 + anchor.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const day = Math.min(anchor.getUTCDate(), daysInMonthUTC(year, month));
  return new Date(
    Date.UTC(year, month, day, anchor.getUTCHours(), anchor.getUTCMinutes(), anchor.getUTCSeconds(), anchor.getUTCMilliseconds()),
  );
}

function step(interval: TCycleInterval): number {
  return interval === "year" ? 12 : 1;
}

/**
 * The billing cycle containing `at`: cycle n runs from anchor + n·interval to anchor + (n+1)·interval,
 * each computed from the anchor (Jan 31 → Feb 29 → Mar 31), matching credits_cycle_bounds() in SQL.
 * Before the anchor, cycle 0.
 */
export function cycleBounds(anchor: Date, interval: TCycleInterval, at: Date): TCycle {
  const months = step(interval);
  const monthsApart =
    (at.getUTCFullYear() - anchor.getUTCFullYear()) * 12 + at.getUTCMonth() - anchor.getUTCMonth();
  let index = Math.floor(monthsApart / months);
  if (addMonthsUTC(anchor, index * months) > at) index -= 1;
  index = Math.max(index, 0);
  return { index, start: addMonthsUTC(anchor, index * months), end: addMonthsUTC(anchor, (index + 1) * months) };
}

// The one home of how numbers, money and dates read in the UI, emails and documents.

const LOCALE_BY_CURRENCY: Record<string, string> = { usd: "en-US", gbp: "en-GB", eur: "en-IE" };

/** Money in its home format ($10.00, £25.00, €9.00); amounts are integers in minor units. */
export function formatMoney(amountMinor: number, currency: string): string {
  const locale = LOCALE_BY_CURRENCY[currency.toLowerCase()] ?? "en-GB";
  return new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() }).format(amountMinor / 100);
}

/** Whole credits with thousands separators (10,000). */
export function formatCredits(credits: number): string {
  return new Intl.NumberFormat("en-GB").format(credits);
}

type TDateOptions = { locale?: string; timeZone?: string };

/** The UI's one date format, "3 Dec 2026"; UTC (and en-GB) unless the viewer's are given. */
export function formatDate(date: Date | string, { locale = "en-GB", timeZone = "UTC" }: TDateOptions = {}): string {
  return new Date(date).toLocaleDateString(locale, { dateStyle: "medium", timeZone });
}

/** The same date with the time, "3 Dec 2026, 18:05". */
export function formatDateTime(date: Date | string, { locale = "en-GB", timeZone = "UTC" }: TDateOptions = {}): string {
  return new Date(date).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
}

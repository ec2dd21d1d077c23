import { z } from "zod";

const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).transform((d) => new Date(`${d}T00:00:00Z`)).refine((d) => !Number.isNaN(d.getTime()));

export const ZInvoiceFilter = z.object({
  kind: z.enum(["top_up", "extra", "auto_reload", "subscription"]).optional().catch(undefined),
  from: ZDay.optional().catch(undefined),
  /** Inclusive in the form (a day); stored as the next day's start. */
  to: ZDay.transform((d) => new Date(d.getTime() + 86_400_000)).optional().catch(undefined),
  before: z.coerce.number().int().positive().optional().catch(undefined),
});
export type TInvoiceFilter = z.infer<typeof ZInvoiceFilter>;

/** The invoice filter from the page's search params; anything malformed is simply ignored. */
export function parseInvoiceFilter(params: Record<string, string | string[] | undefined>): TInvoiceFilter {
  const one = (key: string) => (typeof params[key] === "string" && params[key] !== "" ? params[key] : undefined);
  return ZInvoiceFilter.parse({ kind: one("kind"), from: one("from"), to: one("to"), before: one("before") });
}

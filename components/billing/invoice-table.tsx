import { EmptyState } from "@/components/ui/card";
import { LocalTime } from "@/components/credits/local-time";
import { formatMoney } from "@/lib/format";

export type TInvoiceRow = { id: string; label: string; issuedAt: string; kind: string; description: string; totalMinor: number; currency: string; buyerName: string };

const KINDS = [
  { value: "", label: "All kinds" },
  { value: "subscription", label: "Plans" },
  { value: "top_up", label: "Top-ups" },
  { value: "extra", label: "Extra credits" },
  { value: "auto_reload", label: "Auto-reload" },
];

/** The invoice filter (a plain GET form: works without JavaScript) and the list with a PDF per invoice. */
export function InvoiceTable({ base, invoices, filter, nextHref }: { base: string; invoices: TInvoiceRow[]; filter: { kind?: string; from?: string; to?: string }; nextHref: string | null }) {
  const filtered = Boolean(filter.kind || filter.from || filter.to);
  return (
    <div className="space-y-4">
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter invoices">
        <div className="space-y-1">
          <label htmlFor="invoice-kind" className="block text-sm font-medium text-slate-800">Kind</label>
          <select id="invoice-kind" name="kind" defaultValue={filter.kind ?? ""} className="rounded-md px-3 py-2 text-sm ring-1 ring-inset ring-slate-300">
            {KINDS.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="invoice-from" className="block text-sm font-medium text-slate-800">From</label>
          <input id="invoice-from" type="date" name="from" defaultValue={filter.from ?? ""} className="rounded-md px-3 py-2 text-sm ring-1 ring-inset ring-slate-300" />
        </div>
        <div className="space-y-1">
          <label htmlFor="invoice-to" className="block text-sm font-medium text-slate-800">To</label>
          <input id="invoice-to" type="date" name="to" defaultValue={filter.to ?? ""} className="rounded-md px-3 py-2 text-sm ring-1 ring-inset ring-slate-300" />
        </div>
        <button type="submit" className="rounded-md bg-white px-4 py-2 text-sm font-medium shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50">Filter</button>
        {filtered && <a href={base} className="py-2 text-sm text-slate-600 underline">Clear filter</a>}
      </form>
      {invoices.length === 0 ? (
        <EmptyState title={filtered ? "No invoices match this filter" : "Nothing billed yet"}>{filtered ? "Try another kind or dates." : "Invoices appear here after the first purchase."}</EmptyState>
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Invoices">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-500">
              <tr><th scope="col" className="py-2 pr-4 font-medium">Invoice</th><th scope="col" className="py-2 pr-4 font-medium">Issued</th><th scope="col" className="py-2 pr-4 font-medium">For</th><th scope="col" className="py-2 pr-4 font-medium">Paid by</th><th scope="col" className="py-2 pr-4 text-right font-medium">Total</th><th scope="col" className="py-2 font-medium"><span className="sr-only">Download</span></th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {invoices.map((invoice) => (
                <tr key={invoice.id} data-testid="invoice-row">
                  <td className="py-2 pr-4 font-medium text-slate-900">{invoice.label}</td>
                  <td className="py-2 pr-4"><LocalTime iso={invoice.issuedAt} dateOnly /></td>
                  <td className="py-2 pr-4">{invoice.description}</td>
                  <td className="py-2 pr-4">{invoice.buyerName}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{formatMoney(invoice.totalMinor, invoice.currency)}</td>
                  <td className="py-2 text-right"><a className="font-medium text-brand-700 underline" href={`${base}/invoices/${invoice.id}/pdf`} download aria-label={`Download ${invoice.label} as PDF`}>PDF</a></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextHref && <a href={nextHref} className="inline-block text-sm font-medium text-brand-700 underline">Older invoices</a>}
    </div>
  );
}

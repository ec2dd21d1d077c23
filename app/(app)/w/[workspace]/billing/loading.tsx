/** Shown while the Billing page loads its plan, card and invoices. */
export default function BillingLoading() {
  return (
    <div aria-busy="true" aria-live="polite" className="space-y-6">
      <span className="sr-only">Loading billing…</span>
      {[0, 1, 2].map((i) => <div key={i} className="h-40 animate-pulse rounded-xl bg-slate-100" />)}
    </div>
  );
}

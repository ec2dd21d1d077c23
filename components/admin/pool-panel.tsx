"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import { AdminPaymentPanel, type TPaymentSource } from "@/components/admin/admin-payment-panel";
import type { TBrowserGatewayConfig } from "@/components/payments/load-gateway-js";
import { confirmPurchaseAction, startPurchaseAction } from "@/lib/actions/billing/purchase-actions";
import { setPoolShareAction } from "@/lib/actions/admin/pool-actions";
import { type TOffer } from "@/lib/billing/purchases/price-offers";
import { formatCredits, formatMoney } from "@/lib/format";
import type { TPoolOverview } from "@/lib/pool/get-pool-overview";

/** The office pool (page 000): what is left, fund it, each member's monthly share and use. */
export function PoolPanel({ workspaceSlug, pool, offers, needsWorkspacePlan, billingHref, paymentSource, gateway }: {
  workspaceSlug: string;
  pool: TPoolOverview;
  offers: TOffer[];
  /** Funding the pool needs a paid workspace plan: said here, before any card is typed. */
  needsWorkspacePlan: boolean;
  billingHref: string;
  paymentSource: TPaymentSource;
  gateway: TBrowserGatewayConfig;
}) {
  const router = useRouter();
  const [offerId, setOfferId] = useState(offers[0]?.id ?? "");
  const [funding, setFunding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const keyRef = useRef(crypto.randomUUID());
  const offer = offers.find((o) => o.id === offerId);
  const members = pool.members.filter((m) => m.role !== "viewer");

  return (
    <div className="space-y-5">
      {notice && <Alert tone="success">{notice}</Alert>}
      <dl className="grid gap-3 sm:grid-cols-2">
        <div className="rounded-lg bg-slate-50 p-3 ring-1 ring-inset ring-slate-200">
          <dt className="text-xs uppercase text-slate-500">In the pool now</dt>
          <dd className="text-2xl font-semibold tabular-nums" data-testid="pool-available">{formatCredits(pool.available)}</dd>
        </div>
        <div className="rounded-lg bg-slate-50 p-3 ring-1 ring-inset ring-slate-200">
          <dt className="text-xs uppercase text-slate-500">Drawn this month</dt>
          <dd className="text-2xl font-semibold tabular-nums">{formatCredits(pool.usedThisMonth)}</dd>
        </div>
      </dl>

      {needsWorkspacePlan && (
        <Alert tone="info">
          Funding the pool needs an active paid workspace plan. Subscribe on the <a className="font-medium underline" href={billingHref}>Billing page</a> first.
        </Alert>
      )}
      {!needsWorkspacePlan && offers.length > 0 && (
        <div className="flex flex-wrap items-end gap-3">
          <div className="space-y-1">
            <label htmlFor="pool-offer" className="block text-sm font-medium text-slate-800">Add to the pool</label>
            <select id="pool-offer" value={offerId} onChange={(e) => setOfferId(e.target.value)} className="rounded-md py-2 pl-3 pr-8 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500">
              {offers.map((o) => <option key={o.id} value={o.id}>{formatCredits(o.credits)} credits · {formatMoney(o.amountMinor, o.currency)}</option>)}
            </select>
          </div>
          <Button onClick={() => { setNotice(null); keyRef.current = crypto.randomUUID(); setFunding(true); }} disabled={!offer}>Fund the pool</Button>
        </div>
      )}

      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Pool shares and use this month</caption>
          <thead className="text-xs uppercase text-slate-500">
            <tr><th className="py-2 pr-3">Member</th><th className="pr-3 text-right">Used this month</th><th className="pr-3">Monthly share</th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.map((m) => <ShareRow key={m.userId} workspaceSlug={workspaceSlug} member={m} onSaved={(text) => { setNotice(text); router.refresh(); }} />)}
          </tbody>
        </table>
      </div>

      {funding && offer && (
        <AdminPaymentPanel
          title="Fund the office pool"
          summary={<p>{formatCredits(offer.credits)} credits into the workspace pool, shared by members within their monthly shares.</p>}
          totalLabel={formatMoney(offer.amountMinor, offer.currency)}
          confirmLabel={`Buy for ${formatMoney(offer.amountMinor, offer.currency)}`}
          source={paymentSource}
          gateway={gateway}
          start={(payWith) => startPurchaseAction({ workspaceSlug, offerId: offer.id, target: "pool", memberIds: [], payWith, quotedAmountMinor: offer.amountMinor, idempotencyKey: keyRef.current })}
          confirm={(purchaseId) => confirmPurchaseAction({ workspaceSlug, purchaseId })}
          onClose={() => setFunding(false)}
          onPaid={() => {
            setFunding(false);
            setNotice(`${formatCredits(offer.credits)} credits added to the pool.`);
            router.refresh();
          }}
        />
      )}
    </div>
  );
}

function ShareRow({ workspaceSlug, member, onSaved }: { workspaceSlug: string; member: TPoolOverview["members"][number]; onSaved: (text: string) => void }) {
  const [value, setValue] = useState(member.capPerCycle === null ? "" : String(member.capPerCycle));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `pool-share-${member.userId}`;

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const trimmed = value.trim();
    const capPerCycle = trimmed === "" ? null : Number(trimmed);
    if (capPerCycle !== null && (!Number.isInteger(capPerCycle) || capPerCycle < 0)) return setError("A whole number of credits, 0 or more; empty for no cap.");
    setBusy(true);
    setError(null);
    const result = await setPoolShareAction({ workspaceSlug, userId: member.userId, capPerCycle });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    onSaved(capPerCycle === null ? `${member.name} may draw from the pool without a cap.` : `${member.name} may draw ${formatCredits(capPerCycle)} credits a month from the pool.`);
  }

  return (
    <tr>
      <td className="py-2 pr-3 font-medium text-slate-900">{member.name}</td>
      <td className="pr-3 text-right tabular-nums">
        {formatCredits(member.usedThisMonth)}{member.capPerCycle !== null && <span className="text-slate-500"> / {formatCredits(member.capPerCycle)}</span>}
      </td>
      <td className="py-2 pr-3">
        <form onSubmit={save} className="flex items-center gap-2">
          <label htmlFor={id} className="sr-only">Monthly pool share for {member.name} (credits; empty for no cap)</label>
          <input id={id} inputMode="numeric" placeholder="No cap" value={value} onChange={(e) => setValue(e.target.value)}
            aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}
            className="w-28 rounded-md px-2 py-1 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500" />
          <Button type="submit" size="sm" variant="secondary" disabled={busy}>{busy ? "Saving…" : "Save"}</Button>
        </form>
        {error && <p id={`${id}-error`} role="alert" className="mt-1 text-xs text-red-700">{error}</p>}
      </td>
    </tr>
  );
}

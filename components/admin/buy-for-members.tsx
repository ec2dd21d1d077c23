"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/card";
import { AdminPaymentPanel, type TPaymentSource } from "@/components/admin/admin-payment-panel";
import type { TBrowserGatewayConfig } from "@/components/payments/load-gateway-js";
import { confirmPurchaseAction, startPurchaseAction } from "@/lib/actions/billing/purchase-actions";
import { type TOffer } from "@/lib/billing/purchases/price-offers";
import { formatCredits, formatMoney } from "@/lib/format";
import { OfferPicker } from "@/components/payments/offer-picker";

/** `eligible`: the policy's unit gives this editor a paid plan, so they can be topped up now. */
export type TEditor = { userId: string; name: string; email: string; available: number; eligible: boolean };

/** Page 002: choose editors, choose a package, review the summary, confirm — one charge, a grant per editor. */
export function BuyForMembers({ workspaceSlug, editors, offers, paymentSource, gateway }: {
  workspaceSlug: string;
  editors: TEditor[];
  offers: TOffer[];
  paymentSource: TPaymentSource;
  gateway: TBrowserGatewayConfig;
}) {
  const router = useRouter();
  const [selected, setSelected] = useState<string[]>([]);
  const [offerId, setOfferId] = useState(offers[0]?.id ?? "");
  const [reviewing, setReviewing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const keyRef = useRef(crypto.randomUUID());
  const offer = offers.find((o) => o.id === offerId);
  const chosen = editors.filter((e) => selected.includes(e.userId));
  const eligible = editors.filter((e) => e.eligible);

  if (editors.length === 0) return <EmptyState title="No editors to top up">Invite members, or change a viewer&apos;s role to member.</EmptyState>;
  if (offers.length === 0) return <EmptyState title="No packages on offer">The workspace&apos;s pricing has no top-up packages.</EmptyState>;

  function toggle(userId: string) {
    setSelected((all) => (all.includes(userId) ? all.filter((id) => id !== userId) : [...all, userId]));
  }

  function review() {
    setDone(null);
    if (chosen.length === 0) return setError("Choose at least one editor.");
    if (!offer) return setError("Choose a package.");
    setError(null);
    keyRef.current = crypto.randomUUID();
    setReviewing(true);
  }

  return (
    <div className="space-y-5">
      {done && <Alert tone="success">{done}</Alert>}
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">1. Editors to top up</legend>
        <div className="mt-2 flex items-center justify-between text-xs text-slate-500">
          <span>{selected.length} of {eligible.length} selected</span>
          {eligible.length > 0 && (
            <button type="button" className="underline" onClick={() => setSelected(selected.length === eligible.length ? [] : eligible.map((e) => e.userId))}>
              {selected.length === eligible.length ? "Clear all" : "Select all"}
            </button>
          )}
        </div>
        <ul className="mt-2 max-h-64 divide-y divide-slate-100 overflow-y-auto rounded-md ring-1 ring-slate-200" tabIndex={-1}>
          {editors.map((editor) => (
            <li key={editor.userId}>
              <label className={`flex items-center justify-between gap-3 px-3 py-2 text-sm ${editor.eligible ? "cursor-pointer hover:bg-slate-50" : "cursor-not-allowed bg-slate-50"}`}>
                <span className="flex items-center gap-2">
                  <input type="checkbox" checked={selected.includes(editor.userId)} onChange={() => toggle(editor.userId)} disabled={!editor.eligible}
                    aria-label={`Top up ${editor.name}`} aria-describedby={editor.eligible ? undefined : `no-plan-${editor.userId}`} />
                  <span>
                    <span className="font-medium text-slate-900">{editor.name}</span>
                    <span className="block text-xs text-slate-500">{editor.email}</span>
                    {!editor.eligible && (
                      <span id={`no-plan-${editor.userId}`} className="block text-xs font-medium text-amber-800" data-testid={`editor-no-plan-${editor.userId}`}>
                        No paid plan: top-ups need one. They can subscribe on the Billing page.
                      </span>
                    )}
                  </span>
                </span>
                <span className="text-xs text-slate-600" data-testid={`editor-balance-${editor.userId}`}>{formatCredits(editor.available)} credits</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <OfferPicker name="buy-for-members-offer" legend="2. Package (per editor)" offers={offers} value={offerId} onChange={setOfferId} columns={2} />
      {error && <Alert tone="error">{error}</Alert>}
      <Button onClick={review}>Review purchase</Button>

      {reviewing && offer && (
        <AdminPaymentPanel
          title="Top up editors"
          summary={
            <>
              <p>{formatCredits(offer.credits)} credits each for {chosen.length} {chosen.length === 1 ? "editor" : "editors"}:</p>
              <ul className="mt-1 list-inside list-disc">
                {chosen.map((e) => <li key={e.userId}>{e.name}</li>)}
              </ul>
              <p className="mt-1 text-slate-600">{chosen.length} × {formatMoney(offer.amountMinor, offer.currency)}; the credits are tied to each editor in this workspace.</p>
            </>
          }
          totalLabel={formatMoney(offer.amountMinor * chosen.length, offer.currency)}
          confirmLabel="Confirm and purchase"
          source={paymentSource}
          gateway={gateway}
          start={(payWith) => startPurchaseAction({ workspaceSlug, offerId: offer.id, target: "members", memberIds: chosen.map((e) => e.userId), payWith, quotedAmountMinor: offer.amountMinor * chosen.length, idempotencyKey: keyRef.current })}
          confirm={(purchaseId) => confirmPurchaseAction({ workspaceSlug, purchaseId })}
          onClose={() => setReviewing(false)}
          onPaid={() => {
            setReviewing(false);
            setSelected([]);
            setDone(`${formatCredits(offer.credits)} credits added to ${chosen.map((e) => e.name).join(", ")}.`);
            router.refresh();
          }}
        />
      )}
    </div>
  );
}

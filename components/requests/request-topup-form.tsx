"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import { createTopUpRequestAction } from "@/lib/actions/admin/topup-request-actions";
import { type TOffer } from "@/lib/billing/purchases/price-offers";
import { formatCredits } from "@/lib/format";
import { OfferPicker } from "@/components/payments/offer-picker";

/** A member picks a package and asks the workspace's owners and admins for it. */
export function RequestTopUpForm({ workspaceSlug, offers, initialOfferId, onSent }: {
  workspaceSlug: string;
  offers: TOffer[];
  initialOfferId?: string;
  onSent: (message: string) => void;
}) {
  const [offerId, setOfferId] = useState(initialOfferId ?? offers[0]?.id ?? "");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (offers.length === 0) return <Alert tone="info">There are no top-up packages on offer in this workspace.</Alert>;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await createTopUpRequestAction({ workspaceSlug, offerId, note: note.trim() || undefined });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    onSent(`Request sent: ${formatCredits(result.credits)} credits. Your owner and admins have been notified; you'll be told when they decide.`);
    setNote("");
  }

  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Request a top-up">
      <OfferPicker name="request-offer" legend="Package" offers={offers} value={offerId} onChange={setOfferId} />
      <div className="space-y-1">
        <label htmlFor="request-note" className="block text-sm font-medium text-slate-800">Note for your admin <span className="font-normal text-slate-500">(optional)</span></label>
        <textarea id="request-note" rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)}
          className="block w-full rounded-md px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500" />
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      <Button type="submit" className="w-full" disabled={busy || !offerId}>{busy ? "Sending…" : "Send request"}</Button>
    </form>
  );
}

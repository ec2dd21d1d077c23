"use client";

import { useState } from "react";
import { Elements } from "@stripe/react-stripe-js";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import { NewCardForm } from "@/components/payments/new-card-form";
import type { TBrowserGatewayConfig } from "@/components/payments/load-gateway-js";
import { useGatewayJs } from "@/components/payments/use-gateway-js";
import { completeAutoReloadAction } from "@/lib/actions/billing/auto-reload-actions";
import type { TBlockedReloadView } from "@/lib/billing/auto-reload/get-auto-reload-view";

type TPaid = { defaultCard: { brand: string; last4: string } | null };

/**
 * Completes a blocked auto-reload on-session: confirm it with the saved card (the bank's 3-D
 * Secure challenge shows inline), or pay it with another card, which becomes the default.
 */
export function CompleteReloadPanel({ workspaceSlug, reload, gateway }: { workspaceSlug: string; reload: TBlockedReloadView; gateway: TBrowserGatewayConfig }) {
  const [paid, setPaid] = useState<TPaid | null>(reload.status === "succeeded" ? { defaultCard: null } : null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [newCard, setNewCard] = useState(!reload.savedPaymentMethodId);
  const { stripePromise, loadError } = useGatewayJs(gateway, !paid && Boolean(reload.clientSecret));

  async function settle() {
    const result = await completeAutoReloadAction({ workspaceSlug, purchaseId: reload.purchaseId });
    if (!result.ok) return setMessage(result.error.message);
    if (result.status === "succeeded") setPaid({ defaultCard: result.defaultCard });
    else setMessage(result.message ?? "The payment did not go through.");
  }

  async function confirmWithSavedCard() {
    if (!reload.clientSecret || !reload.savedPaymentMethodId) return;
    setBusy(true);
    setMessage(null);
    try {
      const stripe = await stripePromise;
      const result = await stripe?.confirmCardPayment(reload.clientSecret, { payment_method: reload.savedPaymentMethodId });
      if (result?.error) setMessage(result.error.message ?? "The payment was not confirmed.");
      else await settle();
    } finally {
      setBusy(false);
    }
  }

  if (paid) {
    return (
      <Alert tone="success">
        Paid: {reload.label}. The credits were added and metered work has resumed.
        {paid.defaultCard && ` Your ${paid.defaultCard.brand} ending ${paid.defaultCard.last4} is now your default card.`}
      </Alert>
    );
  }
  if (!reload.clientSecret) return <Alert tone="warning">This payment can no longer be completed here. Turn auto-reload off and on again, or buy credits.</Alert>;
  if (loadError) return <Alert tone="error">{loadError}</Alert>;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">{reload.label}</p>
      {reload.failureMessage && <p className="text-sm text-slate-600">{reload.failureMessage}</p>}
      {message && <Alert tone="error">{message}</Alert>}
      {!newCard ? (
        <div className="space-y-2">
          <Button onClick={confirmWithSavedCard} disabled={busy || !stripePromise}>{busy ? "Processing…" : "Confirm the payment"}</Button>
          <p className="text-xs text-slate-500"><button type="button" className="underline" onClick={() => setNewCard(true)}>Pay with another card</button></p>
        </div>
      ) : (
        <Elements stripe={stripePromise}>
          <NewCardForm payLabel={`Pay ${reload.amountLabel}`} getClientSecret={async () => ({ clientSecret: reload.clientSecret! })} onConfirmed={settle} error={null} />
        </Elements>
      )}
    </div>
  );
}

"use client";

import { Elements } from "@stripe/react-stripe-js";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import { NewCardForm } from "@/components/payments/new-card-form";
import type { usePurchaseFlow } from "@/components/payments/use-purchase-flow";

/** Pay with the saved card in one click, or with a card entered inline (the purchase flow's two paths). */
export function PaymentChoice({ flow, savedCard, savedCardLabel, newCardLabel }: {
  flow: ReturnType<typeof usePurchaseFlow>;
  savedCard: { brand: string; last4: string } | null;
  savedCardLabel: string;
  newCardLabel: string;
}) {
  if (flow.loadError) return <Alert tone="error">{flow.loadError}</Alert>;
  if (!flow.useNewCard && savedCard) {
    return (
      <div className="space-y-3">
        {flow.message && <Alert tone="error">{flow.message}</Alert>}
        <Button className="w-full" onClick={flow.payWithSavedCard} disabled={flow.busy}>
          {flow.busy ? "Processing…" : savedCardLabel}
        </Button>
        <p className="text-center text-xs text-slate-500">
          Charged to your {savedCard.brand} ending {savedCard.last4}.{" "}
          <button type="button" className="underline" onClick={() => flow.setUseNewCard(true)}>Use a different card</button>
        </p>
      </div>
    );
  }
  if (!flow.stripePromise) return null;
  return (
    <Elements stripe={flow.stripePromise}>
      <NewCardForm payLabel={newCardLabel} getClientSecret={flow.clientSecretForNewCard} onConfirmed={flow.afterCardConfirmed} error={flow.message} />
    </Elements>
  );
}

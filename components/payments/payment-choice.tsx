"use client";

import { Elements } from "@stripe/react-stripe-js";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import { NewCardForm } from "@/components/payments/new-card-form";
import type { usePurchaseFlow } from "@/components/payments/use-purchase-flow";
import { paymentSourceBlocker, paymentSourceLine, type TPaymentSource } from "@/lib/billing/payers/payment-source-line";

/**
 * Pay with the saved card in one click, or with a card entered inline (the purchase flow's two
 * paths), always saying which card is charged and whose. Only the card's holder can type another
 * card: an admin paying with the workspace's card is told whom to ask when it fails.
 */
export function PaymentChoice({ flow, source, savedCardLabel, newCardLabel }: {
  flow: ReturnType<typeof usePurchaseFlow>;
  source: TPaymentSource;
  savedCardLabel: string;
  newCardLabel: string;
}) {
  if (flow.loadError) return <Alert tone="error">{flow.loadError}</Alert>;
  const line = paymentSourceLine(source);
  if (!flow.useNewCard && line) {
    return (
      <div className="space-y-3">
        {flow.message && <Alert tone="error">{flow.message}</Alert>}
        <Button className="w-full" onClick={flow.payWithSavedCard} disabled={flow.busy}>
          {flow.busy ? "Processing…" : savedCardLabel}
        </Button>
        <p className="text-center text-xs text-slate-500" data-testid="charged-card">
          Charged to {line}.{" "}
          {source.canUseNewCard && <button type="button" className="underline" onClick={() => flow.setUseNewCard(true)}>Use a different card</button>}
        </p>
      </div>
    );
  }
  if (!source.canUseNewCard) {
    const holder = source.holderName ?? "An owner";
    return (
      <div className="space-y-3" data-testid="charged-card">
        {flow.message && <Alert tone="error">{flow.message}</Alert>}
        <Alert tone="info">
          {line
            ? `${line[0].toUpperCase()}${line.slice(1)} could not be charged. ${holder} can update the workspace's card on Billing, then buy again.`
            : paymentSourceBlocker(source)}
        </Alert>
      </div>
    );
  }
  if (!flow.stripePromise) return null;
  return (
    <div className="space-y-2">
      {source.scope === "workspace" && (
        <p className="text-xs text-slate-500" data-testid="charged-card">The card you enter becomes the workspace&apos;s card (yours) for future charges in every workspace you pay for.</p>
      )}
      <Elements stripe={flow.stripePromise}>
        <NewCardForm payLabel={newCardLabel} getClientSecret={flow.clientSecretForNewCard} onConfirmed={flow.afterCardConfirmed} error={flow.message} />
      </Elements>
    </div>
  );
}

"use client";

import { useState } from "react";
import { CardElement, useElements, useStripe } from "@stripe/react-stripe-js";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import { CardFields } from "@/components/payments/card-fields";

export type TCardConfirmResult = { ok: true } | { ok: false; message: string };

/**
 * The inline card form: number, expiry, CVC and postal code (one card field) plus the name on
 * the card. `getClientSecret` starts or resumes the purchase; the browser then confirms it with
 * the card, 3-D Secure included. On a decline the reason shows and Pay stays available.
 */
export function NewCardForm({ payLabel, getClientSecret, onConfirmed, error: outerError }: {
  payLabel: string;
  getClientSecret: () => Promise<{ clientSecret: string } | { message: string } | { alreadyPaid: true }>;
  onConfirmed: () => Promise<void>;
  error?: string | null;
}) {
  const stripe = useStripe();
  const elements = useElements();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [complete, setComplete] = useState(false);

  async function pay(event: React.FormEvent) {
    event.preventDefault();
    if (!stripe || !elements || busy) return;
    const card = elements.getElement(CardElement);
    if (!card) return;
    setBusy(true);
    setError(null);
    try {
      const started = await getClientSecret();
      if ("message" in started) {
        setError(started.message);
        return;
      }
      if ("alreadyPaid" in started) {
        await onConfirmed();
        return;
      }
      // Always asked, whatever the intent was created with: a card typed on a recovery path (a
      // declined saved card, a failed auto-reload) confirms an intent made for the old card, and
      // only a card attached to the customer can become the default.
      const result = await stripe.confirmCardPayment(started.clientSecret, {
        payment_method: { card, billing_details: { name: name.trim() || undefined } },
        setup_future_usage: "off_session",
      });
      if (result.error) {
        setError(result.error.message ?? "The payment did not go through.");
        return;
      }
      await onConfirmed();
    } finally {
      setBusy(false);
    }
  }

  const shownError = error ?? outerError;
  return (
    <form onSubmit={pay} className="space-y-3" aria-label="Pay with a card">
      {shownError && <Alert tone="error">{shownError}</Alert>}
      <CardFields idPrefix="pay" name={name} onNameChange={setName} onCompleteChange={setComplete} />
      <Button type="submit" className="w-full" disabled={!stripe || busy || !complete || !name.trim()}>
        {busy ? "Processing…" : payLabel}
      </Button>
      <p className="text-xs text-slate-500">Your card is saved for your next purchase. Payments are processed securely by Stripe.</p>
    </form>
  );
}

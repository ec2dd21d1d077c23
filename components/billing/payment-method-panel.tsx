"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { CardElement, Elements, useElements, useStripe } from "@stripe/react-stripe-js";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import type { TBrowserGatewayConfig } from "@/components/payments/load-gateway-js";
import { useGatewayJs } from "@/components/payments/use-gateway-js";
import { CardFields } from "@/components/payments/card-fields";
import { finishCardSetupAction, startCardSetupAction } from "@/lib/actions/billing/payment-method-actions";
import type { TWorkspacePaymentMethod } from "@/lib/billing/payment-methods/get-workspace-payment-method";

/**
 * The workspace's payment method: its billing owner's default card, named with its holder. Owners
 * add or replace it (a SetupIntent, 3-D Secure inline): the card they save becomes theirs and the
 * workspace's. Admins see brand and last four only.
 */
export function PaymentMethodPanel({ workspaceSlug, method, canManage, gateway }: { workspaceSlug: string; method: TWorkspacePaymentMethod; canManage: boolean; gateway: TBrowserGatewayConfig }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const { card } = method;
  const holder = method.holderIsYou ? "yours" : `${method.holderName ?? "the billing owner"}'s`;
  const action = !card ? "Add a card" : method.holderIsYou ? "Replace card" : "Use my card instead";
  return (
    <div className="space-y-3">
      {saved && <Alert tone="success">{saved}</Alert>}
      {card ? (
        <p className="text-sm text-slate-700" data-testid="default-card">
          <span className="font-medium capitalize text-slate-900">{card.brand}</span> •••• {card.last4}
          {card.expMonth && card.expYear ? ` · expires ${String(card.expMonth).padStart(2, "0")}/${card.expYear}` : ""} — the workspace&apos;s card, {holder}
        </p>
      ) : (
        <p className="text-sm text-slate-600" data-testid="default-card">
          No card yet. {canManage ? "Add one to pay for plans, renewals, auto-reload and purchases for members." : `${method.holderName ?? "An owner"} adds it here; until then purchases for members cannot be paid.`}
        </p>
      )}
      {canManage && (editing ? (
        <CardSetupForm workspaceSlug={workspaceSlug} gateway={gateway} onCancel={() => setEditing(false)} onSaved={(text) => { setEditing(false); setSaved(text); router.refresh(); }} />
      ) : (
        <Button variant="secondary" onClick={() => { setSaved(null); setEditing(true); }}>{action}</Button>
      ))}
    </div>
  );
}

function CardSetupForm({ workspaceSlug, gateway, onCancel, onSaved }: { workspaceSlug: string; gateway: TBrowserGatewayConfig; onCancel: () => void; onSaved: (text: string) => void }) {
  const { stripePromise, loadError } = useGatewayJs(gateway);
  if (loadError) return <Alert tone="error">{loadError}</Alert>;
  return (
    <Elements stripe={stripePromise}>
      <SetupFields workspaceSlug={workspaceSlug} onCancel={onCancel} onSaved={onSaved} />
    </Elements>
  );
}

function SetupFields({ workspaceSlug, onCancel, onSaved }: { workspaceSlug: string; onCancel: () => void; onSaved: (text: string) => void }) {
  const stripe = useStripe();
  const elements = useElements();
  const attemptKey = useRef(crypto.randomUUID());
  const setupRef = useRef<{ clientSecret: string; setupIntentId: string } | null>(null);
  const [name, setName] = useState("");
  const [complete, setComplete] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const cardElement = elements?.getElement(CardElement);
    if (!stripe || !cardElement || busy) return;
    setBusy(true);
    setError(null);
    try {
      if (!setupRef.current) {
        const started = await startCardSetupAction({ workspaceSlug, attemptKey: attemptKey.current });
        if (!started.ok) return setError(started.error.message);
        setupRef.current = { clientSecret: started.clientSecret, setupIntentId: started.setupIntentId };
      }
      const result = await stripe.confirmCardSetup(setupRef.current.clientSecret, { payment_method: { card: cardElement, billing_details: { name: name.trim() || undefined } } });
      if (result.error) return setError(result.error.message ?? "The card could not be saved.");
      const finished = await finishCardSetupAction({ workspaceSlug, setupIntentId: setupRef.current.setupIntentId });
      if (!finished.ok) return setError(finished.error.message);
      onSaved(`Saved: ${finished.card.brand} •••• ${finished.card.last4} is now the workspace's card and your default card.`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} className="max-w-md space-y-3" aria-label="Save a card">
      {error && <Alert tone="error">{error}</Alert>}
      <CardFields idPrefix="setup" name={name} onNameChange={setName} onCompleteChange={setComplete} />
      <div className="flex gap-2">
        <Button type="submit" disabled={!stripe || busy || !complete || !name.trim()}>{busy ? "Saving…" : "Save card"}</Button>
        <Button variant="ghost" onClick={onCancel} disabled={busy}>Cancel</Button>
      </div>
      <p className="text-xs text-slate-500">Nothing is charged now. Your bank may ask you to confirm the card. The card becomes the workspace&apos;s card and your default in every workspace you pay for.</p>
    </form>
  );
}

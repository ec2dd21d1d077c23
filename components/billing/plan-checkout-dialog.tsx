"use client";

import { useMemo, useRef, useState } from "react";
import * as Dialog from "@radix-ui/react-dialog";
import { Elements } from "@stripe/react-stripe-js";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import { NewCardForm } from "@/components/payments/new-card-form";
import { loadGatewayJs, type TBrowserGatewayConfig } from "@/components/payments/load-gateway-js";
import { startSubscriptionAction } from "@/lib/actions/billing/subscription-actions";
import { confirmPurchaseAction } from "@/lib/actions/billing/purchase-actions";
import type { TPurchaseView } from "@/lib/billing/purchases/purchase-view";
import type { TPlanOption } from "@/lib/billing/subscriptions/get-plan-options";
import { formatCredits, formatMoney } from "@/lib/billing/purchases/price-offers";

export type TSavedCard = { brand: string; last4: string; expMonth: number; expYear: number } | null;

/**
 * Paying for a plan (subscribe or upgrade): one click with the saved card, or a card entered
 * inline; 3-D Secure is handled inline by Stripe.js. Not modal, like the purchase panel, so the
 * 3-D Secure challenge above it stays reachable.
 */
export function PlanCheckoutDialog({ plan, workspaceSlug, scope, savedCard, gateway, onClose, onPaid }: {
  plan: TPlanOption;
  workspaceSlug: string;
  scope: "workspace" | "personal";
  savedCard: TSavedCard;
  gateway: TBrowserGatewayConfig;
  onClose: () => void;
  onPaid: () => void;
}) {
  const attemptKey = useRef(crypto.randomUUID());
  const purchaseIdRef = useRef<string | null>(null);
  const [useNewCard, setUseNewCard] = useState(!savedCard);
  const [pendingSecret, setPendingSecret] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const stripePromise = useMemo(() => {
    const loading = loadGatewayJs(gateway);
    loading.catch(() => setLoadError("The card form could not load. Check your connection and try again."));
    return loading;
  }, [gateway]);
  const price = formatMoney(plan.amountMinor, plan.currency);
  const verb = plan.change === "upgrade" ? "Upgrade" : "Subscribe";

  async function finish(view: TPurchaseView): Promise<void> {
    purchaseIdRef.current = view.purchaseId;
    if (view.status === "succeeded") return onPaid();
    if (view.status === "requires_action" && view.clientSecret) {
      const stripe = await stripePromise;
      const result = await stripe?.handleNextAction({ clientSecret: view.clientSecret });
      if (result?.error) {
        setMessage(result.error.message ?? "The card's security check was not completed.");
        return;
      }
      const confirmed = await confirmPurchaseAction({ workspaceSlug, purchaseId: view.purchaseId });
      if (confirmed.ok) return finish(confirmed.purchase);
      setMessage(confirmed.error.message);
      return;
    }
    setMessage(view.message ?? "The payment did not go through.");
    if (view.clientSecret) setPendingSecret(view.clientSecret);
    setUseNewCard(true);
  }

  async function payWithSavedCard() {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const started = await startSubscriptionAction({ workspaceSlug, scope, planKey: plan.key, payWith: "saved_card", idempotencyKey: `${attemptKey.current}:saved` });
      if (!started.ok) setMessage(started.error.message);
      else await finish(started.purchase);
    } finally {
      setBusy(false);
    }
  }

  async function clientSecretForNewCard(): Promise<{ clientSecret: string } | { message: string } | { alreadyPaid: true }> {
    if (pendingSecret) return { clientSecret: pendingSecret };
    const started = await startSubscriptionAction({ workspaceSlug, scope, planKey: plan.key, payWith: "new_card", idempotencyKey: `${attemptKey.current}:new` });
    if (!started.ok) return { message: started.error.message };
    purchaseIdRef.current = started.purchase.purchaseId;
    if (started.purchase.status === "succeeded") return { alreadyPaid: true };
    if (!started.purchase.clientSecret) return { message: started.purchase.message ?? "The payment could not be started." };
    setPendingSecret(started.purchase.clientSecret);
    return { clientSecret: started.purchase.clientSecret };
  }

  async function afterCardConfirmed() {
    const purchaseId = purchaseIdRef.current;
    if (!purchaseId) return onPaid();
    const confirmed = await confirmPurchaseAction({ workspaceSlug, purchaseId });
    if (!confirmed.ok) setMessage(confirmed.error.message);
    else await finish(confirmed.purchase);
  }

  return (
    <Dialog.Root open onOpenChange={(open) => !open && !busy && onClose()} modal={false}>
      <Dialog.Portal>
        <div aria-hidden className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content
          onInteractOutside={(event) => event.preventDefault()}
          className="fixed left-1/2 top-1/2 z-50 max-h-[90vh] w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-xl bg-white p-6 shadow-xl">
          <Dialog.Title className="text-lg font-semibold">{verb} to {plan.name}</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-slate-600">
            {formatCredits(plan.creditsPerCycle)} credits every {plan.allotmentInterval}, reset each cycle. Billed {formatMoney(plan.priceMinor, plan.currency)} per {plan.interval}; top-up credits are kept.
          </Dialog.Description>
          <dl className="mt-4 space-y-1 rounded-lg bg-slate-50 p-3 text-sm">
            {plan.creditMinor > 0 && (
              <div className="flex justify-between"><dt className="text-slate-600">Unused time of your current plan</dt><dd>−{formatMoney(plan.creditMinor, plan.currency)}</dd></div>
            )}
            <div className="flex justify-between font-medium"><dt>Due now</dt><dd data-testid="plan-amount-due">{price}</dd></div>
          </dl>
          <div className="mt-4 space-y-3">
            {loadError && <Alert tone="error">{loadError}</Alert>}
            {!useNewCard && savedCard ? (
              <>
                {message && <Alert tone="error">{message}</Alert>}
                <Button className="w-full" onClick={payWithSavedCard} disabled={busy}>{busy ? "Processing…" : `Pay ${price}`}</Button>
                <p className="text-center text-xs text-slate-500">
                  Charged to your {savedCard.brand} ending {savedCard.last4}.{" "}
                  <button type="button" className="underline" onClick={() => setUseNewCard(true)}>Use a different card</button>
                </p>
              </>
            ) : (
              !loadError && (
                <Elements stripe={stripePromise}>
                  <NewCardForm payLabel={`Pay ${price}`} getClientSecret={clientSecretForNewCard} onConfirmed={afterCardConfirmed} error={message} />
                </Elements>
              )
            )}
          </div>
          <Dialog.Close className="absolute right-4 top-4 rounded-md p-1 text-slate-500 hover:bg-slate-100" aria-label="Close">✕</Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

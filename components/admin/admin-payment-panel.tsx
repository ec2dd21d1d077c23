"use client";

import { useMemo, useRef, useState } from "react";
import * as Dialog from "@radix-ui/react-dialog";
import { Elements } from "@stripe/react-stripe-js";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import { NewCardForm } from "@/components/payments/new-card-form";
import { loadGatewayJs, type TBrowserGatewayConfig } from "@/components/payments/load-gateway-js";
import type { TActionResult } from "@/lib/actions/run-action";
import type { TPurchaseView } from "@/lib/billing/purchases/purchase-view";

export type TSavedCard = { brand: string; last4: string } | null;
type TPurchaseResult = TActionResult<{ purchase: TPurchaseView }>;

type TProps = {
  title: string;
  /** The review: what is bought, for whom, and the total. */
  summary: React.ReactNode;
  totalLabel: string;
  confirmLabel: string;
  savedCard: TSavedCard;
  gateway: TBrowserGatewayConfig;
  /** Starts (or, called again, resumes) the payment; the caller keeps one key per panel. */
  start: (payWith: "saved_card" | "new_card") => Promise<TPurchaseResult>;
  /** After the browser confirmed the card or 3-D Secure: settle on the server. */
  confirm: (purchaseId: string) => Promise<TPurchaseResult>;
  onPaid: () => void;
  onClose: () => void;
};

/**
 * An admin's payment panel (buy for members, fund the pool, approve a request): a review, then one
 * click with the saved card or the inline card form, 3-D Secure inline. A declined saved card
 * falls back to the card form on the same purchase, so there is never a second charge.
 */
export function AdminPaymentPanel({ title, summary, totalLabel, confirmLabel, savedCard, gateway, start, confirm, onPaid, onClose }: TProps) {
  const [useNewCard, setUseNewCard] = useState(!savedCard);
  const [pendingSecret, setPendingSecret] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const purchaseIdRef = useRef<string | null>(null);
  const stripePromise = useMemo(() => {
    const loading = loadGatewayJs(gateway);
    loading.catch(() => setLoadError("The card form could not load. Check your connection and try again."));
    return loading;
  }, [gateway]);

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
      const confirmed = await confirm(view.purchaseId);
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
      const started = await start("saved_card");
      if (!started.ok) setMessage(started.error.message);
      else await finish(started.purchase);
    } finally {
      setBusy(false);
    }
  }

  async function clientSecretForNewCard(): Promise<{ clientSecret: string } | { message: string } | { alreadyPaid: true }> {
    if (pendingSecret) return { clientSecret: pendingSecret };
    const started = await start("new_card");
    if (!started.ok) return { message: started.error.message };
    purchaseIdRef.current = started.purchase.purchaseId;
    if (started.purchase.status === "succeeded") return { alreadyPaid: true };
    if (!started.purchase.clientSecret) return { message: started.purchase.message ?? "The payment could not be started." };
    setPendingSecret(started.purchase.clientSecret);
    return { clientSecret: started.purchase.clientSecret };
  }

  async function afterCardConfirmed() {
    const purchaseId = purchaseIdRef.current;
    if (!purchaseId) return;
    const confirmed = await confirm(purchaseId);
    if (!confirmed.ok) setMessage(confirmed.error.message);
    else await finish(confirmed.purchase);
  }

  return (
    // Not modal: Stripe.js shows 3-D Secure above the page, and a focus trap would keep people from it.
    <Dialog.Root open onOpenChange={(open) => !open && !busy && onClose()} modal={false}>
      <Dialog.Portal>
        <div aria-hidden className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content
          onInteractOutside={(event) => event.preventDefault()}
          className="fixed left-1/2 top-1/2 z-50 max-h-[90vh] w-[min(30rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-xl bg-white p-6 shadow-xl">
          <Dialog.Title className="text-lg font-semibold">{title}</Dialog.Title>
          <Dialog.Description className="sr-only">Review the purchase and pay.</Dialog.Description>
          <div className="mt-3 rounded-lg bg-slate-50 p-3 text-sm text-slate-700 ring-1 ring-inset ring-slate-200" data-testid="purchase-summary">
            {summary}
            <p className="mt-2 flex justify-between border-t border-slate-200 pt-2 font-semibold text-slate-900">
              <span>Total, one charge</span>
              <span>{totalLabel}</span>
            </p>
          </div>
          <div className="mt-4 space-y-3">
            {loadError && <Alert tone="error">{loadError}</Alert>}
            {!useNewCard && savedCard ? (
              <>
                {message && <Alert tone="error">{message}</Alert>}
                <Button className="w-full" onClick={payWithSavedCard} disabled={busy}>
                  {busy ? "Processing…" : confirmLabel}
                </Button>
                <p className="text-center text-xs text-slate-500">
                  Charged to your {savedCard.brand} ending {savedCard.last4}.{" "}
                  <button type="button" className="underline" onClick={() => setUseNewCard(true)}>Use a different card</button>
                </p>
              </>
            ) : (
              !loadError && (
                <Elements stripe={stripePromise}>
                  <NewCardForm payLabel={`Pay ${totalLabel}`} getClientSecret={clientSecretForNewCard} onConfirmed={afterCardConfirmed} error={message} />
                </Elements>
              )
            )}
          </div>
          <Dialog.Close className="absolute right-4 top-4 rounded-md p-1 text-slate-500 hover:bg-slate-100" aria-label="Close" disabled={busy}>✕</Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

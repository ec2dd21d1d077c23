"use client";

import { useRef, useState } from "react";
import type { TBrowserGatewayConfig } from "@/components/payments/load-gateway-js";
import { useGatewayJs } from "@/components/payments/use-gateway-js";
import type { TActionResult } from "@/lib/actions/run-action";
import type { TPurchaseView } from "@/lib/billing/purchases/purchase-view";

export type TPurchaseResult = TActionResult<{ purchase: TPurchaseView }>;
export type TPayWith = "saved_card" | "new_card";

/**
 * The browser side of paying for anything (top-ups, purchases for members, plans): one click
 * with the saved card, or a card entered inline, 3-D Secure handled by Stripe.js, then settled on
 * the server. A declined saved card falls back to the card form on the same purchase (the same
 * payment), so there is never a second charge. `start` starts or, called again, resumes the
 * purchase (the caller keeps one idempotency key per attempt); `confirm` settles it.
 */
export function usePurchaseFlow(options: {
  gateway: TBrowserGatewayConfig;
  /** Load Stripe.js only when the form can be shown. */
  enabled?: boolean;
  hasSavedCard: boolean;
  start: (payWith: TPayWith) => Promise<TPurchaseResult>;
  confirm: (purchaseId: string) => Promise<TPurchaseResult>;
  onPaid: () => Promise<void> | void;
  onPurchaseStarted?: (purchaseId: string) => void;
}) {
  const enabled = options.enabled ?? true;
  const [useNewCard, setUseNewCard] = useState(!options.hasSavedCard);
  const [pendingSecret, setPendingSecret] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const purchaseIdRef = useRef<string | null>(null);
  const { stripePromise, loadError } = useGatewayJs(options.gateway, enabled);

  function remember(purchaseId: string) {
    purchaseIdRef.current = purchaseId;
    options.onPurchaseStarted?.(purchaseId);
  }

  async function finish(view: TPurchaseView): Promise<void> {
    remember(view.purchaseId);
    if (view.status === "succeeded") return options.onPaid();
    if (view.status === "requires_action" && view.clientSecret) {
      const stripe = await stripePromise;
      const result = await stripe?.handleNextAction({ clientSecret: view.clientSecret });
      if (result?.error) {
        setMessage(result.error.message ?? "The card's security check was not completed.");
        return;
      }
      const confirmed = await options.confirm(view.purchaseId);
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
      const started = await options.start("saved_card");
      if (!started.ok) setMessage(started.error.message);
      else await finish(started.purchase);
    } finally {
      setBusy(false);
    }
  }

  /** For NewCardForm: the client secret to confirm the card against. */
  async function clientSecretForNewCard(): Promise<{ clientSecret: string } | { message: string } | { alreadyPaid: true }> {
    if (pendingSecret) return { clientSecret: pendingSecret };
    const started = await options.start("new_card");
    if (!started.ok) return { message: started.error.message };
    remember(started.purchase.purchaseId);
    if (started.purchase.status === "succeeded") return { alreadyPaid: true };
    if (!started.purchase.clientSecret) return { message: started.purchase.message ?? "The payment could not be started." };
    setPendingSecret(started.purchase.clientSecret);
    return { clientSecret: started.purchase.clientSecret };
  }

  /** For NewCardForm: after the browser confirmed the card (and 3-D Secure). */
  async function afterCardConfirmed() {
    const purchaseId = purchaseIdRef.current;
    if (!purchaseId) return options.onPaid();
    const confirmed = await options.confirm(purchaseId);
    if (!confirmed.ok) setMessage(confirmed.error.message);
    else await finish(confirmed.purchase);
  }

  /** A different thing to buy: forget the attempt in progress. */
  function resetAttempt() {
    setPendingSecret(null);
    setMessage(null);
    purchaseIdRef.current = null;
  }

  return { stripePromise, loadError, message, busy, useNewCard, setUseNewCard, payWithSavedCard, clientSecretForNewCard, afterCardConfirmed, resetAttempt };
}

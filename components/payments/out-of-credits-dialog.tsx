"use client";

import { useRef, useState } from "react";
import * as Dialog from "@radix-ui/react-dialog";
import { PaymentDialog } from "@/components/payments/payment-dialog";
import { Alert } from "@/components/ui/field";
import { PaymentChoice } from "@/components/payments/payment-choice";
import type { TBrowserGatewayConfig } from "@/components/payments/load-gateway-js";
import { usePurchaseFlow } from "@/components/payments/use-purchase-flow";
import { confirmPurchaseAction, startPurchaseAction } from "@/lib/actions/billing/purchase-actions";
import type { TPurchaseContext } from "@/lib/billing/purchases/get-purchase-context";
import { formatCredits, formatMoney } from "@/lib/format";
import { OfferPicker } from "@/components/payments/offer-picker";

type TProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  workspaceSlug: string;
  context: TPurchaseContext;
  gateway: TBrowserGatewayConfig;
  shortfall: { available: number; required: number } | null;
  title?: string;
  initialOfferId?: string;
  /** Called once the credits have landed; the caller resumes what was blocked. */
  onPaid: () => Promise<void>;
  onPurchaseStarted?: (purchaseId: string) => void;
};

/**
 * "You're out of AI credits": buy the standard pack in one click with the saved card, or pay
 * with a card inline (3-D Secure inline too). Members who may not buy, and people without a
 * paid plan, get their path instead.
 */
export function OutOfCreditsDialog({ open, onOpenChange, workspaceSlug, context, gateway, shortfall, title, initialOfferId, onPaid, onPurchaseStarted }: TProps) {
  const needed = shortfall ? Math.max(0, shortfall.required - shortfall.available) : 0;
  const defaultOffer = context.offers.find((o) => o.credits >= needed) ?? context.offers[context.offers.length - 1];
  const [offerId, setOfferId] = useState(initialOfferId ?? defaultOffer?.id);
  const offer = context.offers.find((o) => o.id === offerId) ?? defaultOffer;
  const sessionKey = useRef(crypto.randomUUID());
  const price = offer ? formatMoney(offer.amountMinor, offer.currency) : "";
  // Both ways to pay name what is bought and what it costs, exactly as the server will charge it.
  const buyLabel = offer ? `Buy ${formatCredits(offer.credits)} credits for ${price}` : "";
  const flow = usePurchaseFlow({
    gateway,
    enabled: open && context.mode === "buy",
    hasSavedCard: Boolean(context.paymentSource.card),
    start: (payWith) =>
      startPurchaseAction({ workspaceSlug, offerId: offer?.id, target: context.target, payWith, quotedAmountMinor: offer?.amountMinor, idempotencyKey: `${sessionKey.current}:${offer?.id}` }),
    confirm: (purchaseId) => confirmPurchaseAction({ workspaceSlug, purchaseId }),
    onPaid,
    onPurchaseStarted,
  });

  return (
    <PaymentDialog open={open} onOpenChange={onOpenChange}>
      <Dialog.Title className="text-lg font-semibold">{title ?? "You're out of AI credits"}</Dialog.Title>
      <Dialog.Description className="mt-1 text-sm text-slate-600">
        {shortfall ? `This action needs ${formatCredits(shortfall.required)} credits; you have ${formatCredits(shortfall.available)}.` : "Add credits to keep working."}
        {context.mode === "buy" && shortfall && " Your action continues by itself once the credits land."}
        {context.mode === "buy" && context.target === "pool" && " Credits go to the workspace's shared balance."}
      </Dialog.Description>

      <div className="mt-5 space-y-4">
        {context.mode === "subscribe" && context.needsPlan === "workspace" && (
          <Alert tone="info">
            {context.target === "pool" ? "Adding credits to the workspace's shared balance" : "Buying credits in this workspace"} needs an active paid workspace plan.
            The owner can subscribe on the <a className="font-medium underline" href={`/w/${workspaceSlug}/billing`}>Billing page</a>.
          </Alert>
        )}
        {context.mode === "subscribe" && context.needsPlan !== "workspace" && (
          <Alert tone="info">
            Top-ups are for members on an AI plan. Your starter credits are used up: subscribe to an AI plan on the{" "}
            <a className="font-medium underline" href={`/w/${workspaceSlug}/billing`}>Billing page</a> to keep going.
          </Alert>
        )}
        {context.mode === "request" && (
          <Alert tone="info">In this workspace, owners and admins buy credits for members. Ask one of them for a top-up.</Alert>
        )}
        {context.mode === "none" && <Alert tone="warning">Your role cannot buy credits here. An owner or admin can help.</Alert>}

        {context.mode === "buy" && offer && (
          <>
            {context.offers.length > 1 && (
              <OfferPicker name="offer" legend="Package" offers={context.offers} value={offer.id} onChange={(id) => { setOfferId(id); flow.resetAttempt(); }} />
            )}
            <PaymentChoice flow={flow} source={context.paymentSource} savedCardLabel={buyLabel} newCardLabel={buyLabel} />
          </>
        )}
      </div>
    </PaymentDialog>
  );
}

"use client";

import { useRef } from "react";
import * as Dialog from "@radix-ui/react-dialog";
import { PaymentDialog } from "@/components/payments/payment-dialog";
import { PaymentChoice } from "@/components/payments/payment-choice";
import type { TBrowserGatewayConfig } from "@/components/payments/load-gateway-js";
import { usePurchaseFlow } from "@/components/payments/use-purchase-flow";
import { startSubscriptionAction } from "@/lib/actions/billing/subscription-actions";
import { confirmPurchaseAction } from "@/lib/actions/billing/purchase-actions";
import type { TPlanOption } from "@/lib/billing/subscriptions/get-plan-options";
import { formatCredits, formatMoney } from "@/lib/format";
import type { TPaymentSource } from "@/lib/billing/payers/payment-source-line";


/**
 * Paying for a plan (subscribe or upgrade): one click with the saved card, or a card entered
 * inline; 3-D Secure is handled inline by Stripe.js. Not modal, like the purchase panel, so the
 * 3-D Secure challenge above it stays reachable.
 */
export function PlanCheckoutDialog({ plan, workspaceSlug, scope, source, gateway, onClose, onPaid }: {
  plan: TPlanOption;
  workspaceSlug: string;
  scope: "workspace" | "personal";
  /** The workspace's card for its plan; the member's own for a personal plan. */
  source: TPaymentSource;
  gateway: TBrowserGatewayConfig;
  onClose: () => void;
  onPaid: () => void;
}) {
  const attemptKey = useRef(crypto.randomUUID());
  const price = formatMoney(plan.amountMinor, plan.currency);
  const verb = plan.change === "upgrade" ? "Upgrade" : "Subscribe";

  const flow = usePurchaseFlow({
    gateway,
    hasSavedCard: Boolean(source.card),
    start: (payWith) => startSubscriptionAction({ workspaceSlug, scope, planKey: plan.key, payWith, idempotencyKey: `${attemptKey.current}:${payWith === "saved_card" ? "saved" : "new"}` }),
    confirm: (purchaseId) => confirmPurchaseAction({ workspaceSlug, purchaseId }),
    onPaid,
  });
  const busy = flow.busy;

  return (
    <PaymentDialog onOpenChange={(open) => !open && onClose()} busy={busy}>
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
        <PaymentChoice flow={flow} source={source} savedCardLabel={`Pay ${price}`} newCardLabel={`Pay ${price}`} />
      </div>
    </PaymentDialog>
  );
}

"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { PaymentDialog } from "@/components/payments/payment-dialog";
import { PaymentChoice } from "@/components/payments/payment-choice";
import type { TBrowserGatewayConfig } from "@/components/payments/load-gateway-js";
import { usePurchaseFlow, type TPurchaseResult, type TPayWith } from "@/components/payments/use-purchase-flow";
import type { TPaymentSource } from "@/lib/billing/payers/payment-source-line";

export type { TPaymentSource } from "@/lib/billing/payers/payment-source-line";

type TProps = {
  title: string;
  /** The review: what is bought, for whom, and the total. */
  summary: React.ReactNode;
  totalLabel: string;
  confirmLabel: string;
  /** The workspace's payment method, which every admin purchase charges. */
  source: TPaymentSource;
  gateway: TBrowserGatewayConfig;
  /** Starts (or, called again, resumes) the payment; the caller keeps one key per panel. */
  start: (payWith: TPayWith) => Promise<TPurchaseResult>;
  /** After the browser confirmed the card or 3-D Secure: settle on the server. */
  confirm: (purchaseId: string) => Promise<TPurchaseResult>;
  onPaid: () => void;
  onClose: () => void;
};

/**
 * An admin's payment panel (buy for members, fund the pool, approve a request): a review, then one
 * click with the workspace's card (or, for its holder, the inline card form), 3-D Secure inline. A declined saved card
 * falls back to the card form on the same purchase, so there is never a second charge.
 */
export function AdminPaymentPanel({ title, summary, totalLabel, confirmLabel, source, gateway, start, confirm, onPaid, onClose }: TProps) {
  const flow = usePurchaseFlow({ gateway, hasSavedCard: Boolean(source.card), start, confirm, onPaid });
  const busy = flow.busy;

  return (
    <PaymentDialog onOpenChange={(open) => !open && onClose()} busy={busy} wide>
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
        <PaymentChoice flow={flow} source={source} savedCardLabel={confirmLabel} newCardLabel={`Pay ${totalLabel}`} />
      </div>
    </PaymentDialog>
  );
}

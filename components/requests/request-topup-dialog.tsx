"use client";

import { useState } from "react";
import * as Dialog from "@radix-ui/react-dialog";
import { Alert } from "@/components/ui/field";
import { RequestTopUpForm } from "@/components/requests/request-topup-form";
import { type TOffer } from "@/lib/billing/purchases/price-offers";
import { formatCredits } from "@/lib/format";

/** The out-of-credits panel for members who request top-ups (policy "request"): ask, then track it. */
export function RequestTopUpDialog({ workspaceSlug, offers, shortfall, onClose }: {
  workspaceSlug: string;
  offers: TOffer[];
  shortfall: { available: number; required: number } | null;
  onClose: () => void;
}) {
  const [sent, setSent] = useState<string | null>(null);
  const needed = shortfall ? Math.max(0, shortfall.required - shortfall.available) : 0;
  const initial = offers.find((o) => o.credits >= needed) ?? offers[offers.length - 1];
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 max-h-[90vh] w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-xl bg-white p-6 shadow-xl">
          <Dialog.Title className="text-lg font-semibold">You&apos;re out of AI credits</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-slate-600">
            {shortfall ? `This action needs ${formatCredits(shortfall.required)} credits; you have ${formatCredits(shortfall.available)}. ` : ""}
            In this workspace, owners and admins buy top-ups: request one and they get a notification and an email.
          </Dialog.Description>
          <div className="mt-5 space-y-4">
            {sent ? (
              <>
                <Alert tone="success">{sent}</Alert>
                <a href={`/w/${workspaceSlug}/requests`} className="inline-block text-sm font-medium text-brand-700 underline">See your requests</a>
              </>
            ) : (
              <RequestTopUpForm workspaceSlug={workspaceSlug} offers={offers} initialOfferId={initial?.id} onSent={setSent} />
            )}
          </div>
          <Dialog.Close className="absolute right-4 top-4 rounded-md p-1 text-slate-500 hover:bg-slate-100" aria-label="Close">✕</Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

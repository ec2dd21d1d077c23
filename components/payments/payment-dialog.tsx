"use client";

import * as Dialog from "@radix-ui/react-dialog";

/**
 * The frame of every payment panel. Not modal: Stripe.js shows its 3-D Secure challenge above
 * the page, and a focus trap here would keep people from reaching it. Outside clicks do not close
 * the panel mid-payment; while `busy`, neither does Close.
 */
export function PaymentDialog({ open = true, onOpenChange, busy = false, wide = false, children }: {
  open?: boolean;
  onOpenChange: (open: boolean) => void;
  busy?: boolean;
  wide?: boolean;
  children: React.ReactNode;
}) {
  return (
    <Dialog.Root open={open} onOpenChange={(next) => (next || !busy) && onOpenChange(next)} modal={false}>
      <Dialog.Portal>
        <div aria-hidden className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content
          onInteractOutside={(event) => event.preventDefault()}
          className={`fixed left-1/2 top-1/2 z-50 max-h-[90vh] ${wide ? "w-[min(30rem,calc(100vw-2rem))]" : "w-[min(28rem,calc(100vw-2rem))]"} -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-xl bg-white p-4 shadow-xl sm:p-6`}
        >
          {children}
          <Dialog.Close className="absolute right-4 top-4 rounded-md p-1 text-slate-500 hover:bg-slate-100" aria-label="Close" disabled={busy}>✕</Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

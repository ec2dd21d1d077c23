"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";

/** A small modal confirmation with a clear consequence, a busy state and an error line. */
export function ConfirmDialog({ title, children, confirmLabel, tone = "primary", busy, error, onConfirm, onClose }: {
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  tone?: "primary" | "danger";
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog.Root open onOpenChange={(open) => !open && !busy && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(26rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-6 shadow-xl">
          <Dialog.Title className="text-lg font-semibold">{title}</Dialog.Title>
          <Dialog.Description asChild><div className="mt-2 space-y-2 text-sm text-slate-600">{children}</div></Dialog.Description>
          {error && <div className="mt-3"><Alert tone="error">{error}</Alert></div>}
          <div className="mt-5 flex justify-end gap-2">
            <Dialog.Close asChild><Button variant="secondary" disabled={busy}>Back</Button></Dialog.Close>
            <Button variant={tone} onClick={onConfirm} disabled={busy}>{busy ? "Working…" : confirmLabel}</Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import { OutOfCreditsDialog } from "@/components/payments/out-of-credits-dialog";
import { RequestTopUpDialog } from "@/components/requests/request-topup-dialog";
import type { TBrowserGatewayConfig } from "@/components/payments/load-gateway-js";
import { runAiActionAction } from "@/lib/actions/work/run-ai-action-action";
import { confirmPurchaseAction } from "@/lib/actions/billing/purchase-actions";
import type { TPurchaseContext } from "@/lib/billing/purchases/get-purchase-context";
import type { TWorkDocument } from "@/lib/work/sample-documents";

type TPricedDocument = Omit<TWorkDocument, "actions"> & { actions: (TWorkDocument["actions"][number] & { credits: number })[] };
type TBlockedAction = { documentId: string; feature: string; actionKey: string; purchaseId?: string };
type TResult = { output?: string; error?: string; credits?: number };

const PENDING_KEY = "refill:blocked-action";

function SparkleIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4 fill-brand-600">
      <path d="M10 1.5l1.9 5.1 5.1 1.9-5.1 1.9L10 15.5l-1.9-5.1L3 8.5l5.1-1.9L10 1.5zM16 13l.8 2.2L19 16l-2.2.8L16 19l-.8-2.2L13 16l2.2-.8L16 13z" />
    </svg>
  );
}

function savePending(workspaceSlug: string, blocked: TBlockedAction | null) {
  if (blocked) sessionStorage.setItem(PENDING_KEY, JSON.stringify({ workspaceSlug, ...blocked }));
  else sessionStorage.removeItem(PENDING_KEY);
}

/**
 * The practitioner's documents with their AI buttons. An action blocked by missing credits is
 * kept (also across a reload) and runs by itself, once, as soon as the purchase succeeds.
 */
export function WorkBoard({ workspaceSlug, documents, context, gateway, canSpend }: {
  workspaceSlug: string;
  documents: TPricedDocument[];
  context: TPurchaseContext;
  gateway: TBrowserGatewayConfig;
  canSpend: boolean;
}) {
  const router = useRouter();
  const [results, setResults] = useState<Record<string, TResult>>({});
  const [running, setRunning] = useState<string | null>(null);
  const [blocked, setBlocked] = useState<(TBlockedAction & { available: number; required: number }) | null>(null);
  const inFlight = useRef(new Set<string>());

  const run = useCallback(async (action: TBlockedAction) => {
    // One run per action key at a time: a double click does not start a second request.
    if (inFlight.current.has(action.actionKey)) return;
    inFlight.current.add(action.actionKey);
    setRunning(action.documentId);
    try {
      const result = await runAiActionAction({ workspaceSlug, documentId: action.documentId, feature: action.feature, actionKey: action.actionKey });
      if (result.ok) {
        setResults((all) => ({ ...all, [action.documentId]: { output: result.output, credits: result.credits } }));
        savePending(workspaceSlug, null);
        router.refresh();
      } else if (result.error.code === "insufficient_credits") {
        savePending(workspaceSlug, action);
        setBlocked({ ...action, available: result.error.available ?? 0, required: result.error.required ?? 0 });
      } else {
        setResults((all) => ({ ...all, [action.documentId]: { error: result.error.message } }));
      }
    } finally {
      inFlight.current.delete(action.actionKey);
      setRunning(null);
    }
  }, [router, workspaceSlug]);

  // After a reload mid-purchase: settle the purchase and resume the blocked action once.
  useEffect(() => {
    const raw = sessionStorage.getItem(PENDING_KEY);
    if (!raw) return;
    const pending = JSON.parse(raw) as TBlockedAction & { workspaceSlug: string };
    if (pending.workspaceSlug !== workspaceSlug || !pending.purchaseId) return;
    confirmPurchaseAction({ workspaceSlug, purchaseId: pending.purchaseId }).then((confirmed) => {
      if (confirmed.ok && confirmed.purchase.status === "succeeded") void run(pending);
    });
  }, [run, workspaceSlug]);

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {documents.map((document) => {
        const result = results[document.id];
        return (
          <article key={document.id} className="flex flex-col rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200" aria-labelledby={`${document.id}-title`}>
            <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{document.kind}</p>
            <h2 id={`${document.id}-title`} className="mt-1 font-semibold text-slate-900">{document.title}</h2>
            <p className="mt-1 text-sm text-slate-600">{document.summary}</p>
            <p className="mt-3 line-clamp-3 text-sm text-slate-700">{document.body}</p>
            <div className="mt-4 flex flex-wrap gap-2">
              {document.actions.map((action) => (
                <Button
                  key={action.feature}
                  variant="secondary"
                  disabled={!canSpend || running === document.id}
                  onClick={() => run({ documentId: document.id, feature: action.feature, actionKey: crypto.randomUUID() })}
                  aria-describedby={`${document.id}-${action.feature}-cost`}
                >
                  <SparkleIcon /> {running === document.id ? "Working…" : action.label}
                  <span id={`${document.id}-${action.feature}-cost`} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600">
                    {action.credits} credits
                  </span>
                </Button>
              ))}
            </div>
            {!canSpend && <p className="mt-2 text-xs text-slate-500">Viewers can read but not run AI actions.</p>}
            {result?.output && (
              <div className="mt-4 rounded-lg bg-brand-50 p-3 text-sm text-slate-800" data-testid={`ai-output-${document.id}`} role="status">
                <p className="mb-1 text-xs font-medium text-brand-700">AI result · {result.credits} credits used</p>
                <p className="whitespace-pre-wrap">{result.output}</p>
              </div>
            )}
            {result?.error && <div className="mt-4"><Alert tone="error">{result.error}</Alert></div>}
          </article>
        );
      })}
      {blocked && context.mode === "request" && (
        <RequestTopUpDialog
          workspaceSlug={workspaceSlug}
          offers={context.offers}
          shortfall={{ available: blocked.available, required: blocked.required }}
          onClose={() => {
            setBlocked(null);
            savePending(workspaceSlug, null);
          }}
        />
      )}
      {blocked && context.mode !== "request" && (
        <OutOfCreditsDialog
          open
          onOpenChange={(open) => {
            if (!open) {
              setBlocked(null);
              savePending(workspaceSlug, null);
            }
          }}
          workspaceSlug={workspaceSlug}
          context={context}
          gateway={gateway}
          shortfall={{ available: blocked.available, required: blocked.required }}
          onPurchaseStarted={(purchaseId) => savePending(workspaceSlug, { ...blocked, purchaseId })}
          onPaid={async () => {
            const action = blocked;
            setBlocked(null);
            await run(action);
          }}
        />
      )}
    </div>
  );
}

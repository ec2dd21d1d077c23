"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Alert, Field } from "@/components/ui/field";
import { disableAutoReloadAction, enableAutoReloadAction, previewAutoReloadAction } from "@/lib/actions/billing/auto-reload-actions";
import type { TAutoReloadView } from "@/lib/billing/auto-reload/get-auto-reload-view";
import type { TAutoReloadConfig } from "@/lib/billing/auto-reload/schemas";

type TTerms = { lines: string[]; termsKey: string };

/**
 * Auto-reload settings for owners and admins. Off unless someone turns it on here, and turning
 * it on always goes through the exact terms (what is charged, when, how often, to which card).
 */
export function AutoReloadCard({ workspaceSlug, view }: { workspaceSlug: string; view: TAutoReloadView }) {
  const router = useRouter();
  const [config, setConfig] = useState<TAutoReloadConfig>(view.config);
  const [terms, setTerms] = useState<TTerms | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const edit = (patch: Partial<TAutoReloadConfig>) => {
    setConfig((current) => ({ ...current, ...patch }));
    setTerms(null);
  };

  async function act(body: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await body();
    } finally {
      setBusy(false);
    }
  }

  const review = () => act(async () => {
    const result = await previewAutoReloadAction({ workspaceSlug, config });
    if (result.ok) setTerms({ lines: result.lines, termsKey: result.termsKey });
    else setError(result.error.message);
  });
  const turnOn = () => act(async () => {
    if (!terms) return;
    const result = await enableAutoReloadAction({ workspaceSlug, config, termsKey: terms.termsKey });
    if (!result.ok) return setError(result.error.message);
    setTerms(null);
    router.refresh();
  });
  const turnOff = () => act(async () => {
    const result = await disableAutoReloadAction({ workspaceSlug });
    if (!result.ok) return setError(result.error.message);
    router.refresh();
  });

  return (
    <Card title="Auto-reload" description="Buy credits automatically so work keeps running. Off until you turn it on.">
      <div className="space-y-4" data-testid="auto-reload">
        {error && <Alert tone="error">{error}</Alert>}
        {view.blocked && (
          <Alert tone="warning">
            The last auto-reload payment did not go through{view.blocked.paused ? ", so metered AI work is paused" : ""}.{" "}
            <a className="font-medium underline" href={view.blocked.href}>Complete or update the payment</a>
          </Alert>
        )}
        {view.enabled ? (
          <>
            <p className="text-sm font-medium text-emerald-800" role="status">Auto-reload is on{view.savedCard ? `, charged to ${view.savedCard.line}` : ""}.</p>
            <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
              {view.currentTerms.map((line) => <li key={line}>{line}</li>)}
            </ul>
            <Button variant="secondary" onClick={turnOff} disabled={busy}>Turn off auto-reload</Button>
          </>
        ) : view.unavailable ? (
          <p className="text-sm text-slate-600" role="status">Auto-reload is off. {view.unavailable}</p>
        ) : (
          <>
            <p className="text-sm text-slate-700" role="status">Auto-reload is off.</p>
            {view.savedCard
              ? <p className="text-sm text-slate-600" data-testid="auto-reload-card">Reloads are charged to {view.savedCard.line}.</p>
              : <Alert tone="info">Auto-reload charges the workspace&apos;s card, and there is none yet: an owner adds one on Billing → Payment method.</Alert>}
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium text-slate-800">When to reload</legend>
              {view.triggers.includes("exhaustion") && (
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={config.onExhaustion} onChange={(e) => edit({ onExhaustion: e.target.checked })} />
                  When a request needs more credits than are left
                </label>
              )}
              {view.triggers.includes("threshold") && (
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={config.onThreshold} onChange={(e) => edit({ onThreshold: e.target.checked })} />
                  When the balance falls below a threshold
                </label>
              )}
            </fieldset>
            {config.onThreshold && (
              <Field id="auto-reload-threshold" label="Threshold (credits)" type="number" min={1} value={config.thresholdCredits ?? ""}
                onChange={(e) => edit({ thresholdCredits: e.target.value ? Number(e.target.value) : null })} />
            )}
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium text-slate-800">How much</legend>
              <label className="flex items-center gap-2 text-sm">
                <input type="radio" name="auto-reload-mode" checked={config.amountMode === "fixed"} onChange={() => edit({ amountMode: "fixed" })} />
                A fixed amount each time
              </label>
              <label className="flex items-center gap-2 text-sm">
                <input type="radio" name="auto-reload-mode" checked={config.amountMode === "refill_to"} onChange={() => edit({ amountMode: "refill_to" })} />
                Refill to a target balance
              </label>
            </fieldset>
            <Field id="auto-reload-amount" label={config.amountMode === "fixed" ? "Credits per reload" : "Target balance (credits)"} type="number" min={1}
              value={config.amountCredits} onChange={(e) => edit({ amountCredits: Number(e.target.value) })} />
            <Field id="auto-reload-cap" label="Your cap per billing cycle (credits, optional)" hint="Never above the limit in the terms below." type="number" min={1}
              value={config.maxCreditsPerCycle ?? ""} onChange={(e) => edit({ maxCreditsPerCycle: e.target.value ? Number(e.target.value) : null })} />
            {terms ? (
              <section aria-label="Auto-reload terms" className="space-y-3 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
                <h3 className="text-sm font-semibold text-slate-900">What will be charged, and when</h3>
                <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
                  {terms.lines.map((line) => <li key={line}>{line}</li>)}
                </ul>
                <div className="flex gap-2">
                  <Button onClick={turnOn} disabled={busy}>Turn on auto-reload</Button>
                  <Button variant="ghost" onClick={() => setTerms(null)} disabled={busy}>Cancel</Button>
                </div>
              </section>
            ) : (
              <Button variant="secondary" onClick={review} disabled={busy || !view.savedCard}>Review terms</Button>
            )}
          </>
        )}
      </div>
    </Card>
  );
}

"use client";

import { useId, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/card";
import { formatCredits } from "@/lib/format";
import {
  estimatePlan,
  parsePlannerQuantity,
  PLANNER_QUALITIES,
  type TPlannerFeature,
  type TPlannerQuality,
} from "@/lib/credits/plan-estimate";

type TRow = { id: number; feature: string; quantity: string; quality: TPlannerQuality };

const QUALITY_LABELS: Record<TPlannerQuality, string> = { fast: "Fast", balanced: "Balanced", premium: "Premium" };
const CONTROL = "block w-full rounded-md border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500";

/**
 * Estimates planned work against the balance in the browser, from the price list the server
 * passed: no round trip per keystroke. The ledger prices the real work when it runs.
 */
export function CreditPlanner({ features, available, topUpHref }: { features: TPlannerFeature[]; available: number; topUpHref: string | null }) {
  const baseId = useId();
  const [nextId, setNextId] = useState(2);
  const [rows, setRows] = useState<TRow[]>(() => (features[0] ? [{ id: 1, feature: features[0].key, quantity: "1", quality: "balanced" }] : []));
  const estimate = useMemo(
    () => estimatePlan(features, rows.map((r) => ({ feature: r.feature, quantity: parsePlannerQuantity(r.quantity), quality: r.quality })), available),
    [features, rows, available],
  );
  const byKey = new Map(features.map((f) => [f.key, f]));

  if (features.length === 0) {
    return <EmptyState title="No priced activities yet">The price list is empty, so there is nothing to plan.</EmptyState>;
  }

  const update = (id: number, patch: Partial<TRow>) => setRows((current) => current.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  const add = () => {
    setRows((current) => [...current, { id: nextId, feature: features[0].key, quantity: "1", quality: "balanced" }]);
    setNextId((n) => n + 1);
  };

  return (
    <div className="space-y-4">
      {rows.length === 0 && <p className="text-sm text-slate-600">Add an activity to see what it will cost.</p>}
      <ol className="space-y-3" aria-label="Planned activities">
        {rows.map((row, index) => {
          const id = `${baseId}-${row.id}`;
          const feature = byKey.get(row.feature);
          const quantityInvalid = row.quantity.trim() !== "" && !/^\d+$/.test(row.quantity.trim());
          const line = estimate.lines[index];
          return (
            <li key={row.id} data-testid="planner-row" className="grid items-end gap-3 rounded-lg p-3 ring-1 ring-inset ring-slate-200 sm:grid-cols-[2fr_1fr_1fr_auto_auto]">
              <div className="space-y-1">
                <label htmlFor={`${id}-feature`} className="block text-sm font-medium text-slate-800">Activity {index + 1}</label>
                <select id={`${id}-feature`} className={CONTROL} value={row.feature} onChange={(e) => update(row.id, { feature: e.target.value })}>
                  {features.map((f) => (
                    <option key={f.key} value={f.key}>{f.name}</option>
                  ))}
                </select>
              </div>
              <div className="space-y-1">
                <label htmlFor={`${id}-quantity`} className="block text-sm font-medium text-slate-800">
                  Quantity <span className="font-normal text-slate-600">({feature?.unit ?? "units"})</span>
                </label>
                <input
                  id={`${id}-quantity`}
                  className={CONTROL}
                  inputMode="numeric"
                  value={row.quantity}
                  aria-invalid={quantityInvalid || undefined}
                  aria-describedby={quantityInvalid ? `${id}-quantity-error` : undefined}
                  onChange={(e) => update(row.id, { quantity: e.target.value })}
                />
                {quantityInvalid && <p id={`${id}-quantity-error`} className="text-xs text-red-700">Enter a whole number.</p>}
              </div>
              <div className="space-y-1">
                <label htmlFor={`${id}-quality`} className="block text-sm font-medium text-slate-800">Quality</label>
                <select id={`${id}-quality`} className={CONTROL} value={row.quality} onChange={(e) => update(row.id, { quality: e.target.value as TPlannerQuality })}>
                  {PLANNER_QUALITIES.map((q) => (
                    <option key={q} value={q}>{QUALITY_LABELS[q]}{feature ? ` (${feature.credits[q]} per ${feature.unit})` : ""}</option>
                  ))}
                </select>
              </div>
              <p className="pb-2 text-right text-sm tabular-nums text-slate-700" data-testid="planner-line-credits">
                {formatCredits(line?.credits ?? 0)} credits
              </p>
              <Button variant="ghost" size="sm" aria-label={`Remove activity ${index + 1}`} onClick={() => setRows((current) => current.filter((r) => r.id !== row.id))}>
                Remove
              </Button>
            </li>
          );
        })}
      </ol>
      <Button variant="secondary" onClick={add}>Add activity</Button>
      <dl className="grid gap-3 sm:grid-cols-3" aria-live="polite">
        <div className="rounded-lg bg-slate-50 p-3">
          <dt className="text-sm text-slate-600">Estimate</dt>
          <dd className="text-xl font-semibold tabular-nums" data-testid="planner-estimate">{formatCredits(estimate.total)}</dd>
        </div>
        <div className="rounded-lg bg-slate-50 p-3">
          <dt className="text-sm text-slate-600">Available now</dt>
          <dd className="text-xl font-semibold tabular-nums" data-testid="planner-available">{formatCredits(estimate.available)}</dd>
        </div>
        <div className="rounded-lg bg-slate-50 p-3">
          <dt className="text-sm text-slate-600">After estimate</dt>
          <dd className={`text-xl font-semibold tabular-nums ${estimate.after < 0 ? "text-red-700" : ""}`} data-testid="planner-after">
            {formatCredits(estimate.after)}
          </dd>
        </div>
      </dl>
      {estimate.shortBy > 0 && (
        <div data-testid="planner-topup-prompt">
          <Alert tone="warning">
            This plan needs {formatCredits(estimate.shortBy)} more credits than you have.{" "}
            {topUpHref ? (
              <a className="font-medium underline" href={topUpHref}>Top up your credits</a>
            ) : (
              "Ask an owner or admin to top up before you start."
            )}
          </Alert>
        </div>
      )}
    </div>
  );
}

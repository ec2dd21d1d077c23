"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import { LocalTime } from "@/components/credits/local-time";
import { ConfirmDialog } from "@/components/billing/confirm-dialog";
import { PlanCheckoutDialog } from "@/components/billing/plan-checkout-dialog";
import type { TPaymentSource } from "@/lib/billing/payers/payment-source-line";
import type { TBrowserGatewayConfig } from "@/components/payments/load-gateway-js";
import { cancelPlanAction, resumePlanAction, schedulePlanDowngradeAction } from "@/lib/actions/billing/subscription-actions";
import type { TPlanOption } from "@/lib/billing/subscriptions/get-plan-options";
import type { TFreePlanPause } from "@/lib/billing/subscriptions/describe-free-plan-pause";
import { formatCredits, formatMoney } from "@/lib/format";

const ACTION_LABEL: Partial<Record<TPlanOption["change"], string>> = {
  subscribe: "Subscribe",
  upgrade: "Upgrade",
  downgrade: "Downgrade",
  cancel: "Switch to Free",
  resume: "Keep this plan",
};

function perCredit(plan: TPlanOption): string {
  if (!plan.paid || plan.creditPriceMicros === 0) return "";
  return `${formatMoney(plan.creditPriceMicros / 1_000, plan.currency)} per 1,000 credits`;
}

/** The plan catalog with what each plan would do (subscribe, upgrade now, downgrade at period end, cancel). */
export function PlanPicker({ plans, pausedOnFree, workspaceSlug, scope, canManage, paymentSource, gateway }: {
  plans: TPlanOption[];
  /** What switching to Free pauses at the period's end (policy: bought credits need a paid plan). */
  pausedOnFree: TFreePlanPause;
  workspaceSlug: string;
  scope: "workspace" | "personal";
  canManage: boolean;
  paymentSource: TPaymentSource;
  gateway: TBrowserGatewayConfig;
}) {
  const router = useRouter();
  const [interval, setInterval] = useState<"month" | "year">("month");
  const [checkout, setCheckout] = useState<TPlanOption | null>(null);
  const [confirming, setConfirming] = useState<TPlanOption | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const shown = plans.filter((p) => !p.paid || p.interval === interval);

  async function choose(plan: TPlanOption) {
    setNotice(null);
    setError(null);
    if (plan.change === "subscribe" || plan.change === "upgrade") return setCheckout(plan);
    if (plan.change === "resume") {
      setBusy(true);
      const result = await resumePlanAction({ workspaceSlug, scope });
      setBusy(false);
      if (!result.ok) return setError(result.error.message);
      setNotice(`${result.planName} continues; it renews as usual.`);
      return router.refresh();
    }
    setConfirming(plan);
  }

  async function confirm() {
    if (!confirming) return;
    setBusy(true);
    setError(null);
    const result = confirming.change === "cancel"
      ? await cancelPlanAction({ workspaceSlug, scope })
      : await schedulePlanDowngradeAction({ workspaceSlug, scope, planKey: confirming.key });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setNotice(confirming.change === "cancel" ? "Your plan is cancelled: it stays active until the end of the paid period." : `${confirming.name} starts at the end of the paid period.`);
    setConfirming(null);
    router.refresh();
  }

  return (
    <div className="space-y-4">
      {notice && <Alert tone="success">{notice}</Alert>}
      {error && !confirming && <Alert tone="error">{error}</Alert>}
      <div role="radiogroup" aria-label="Billing interval" className="inline-flex rounded-lg bg-slate-100 p-1 text-sm">
        {(["month", "year"] as const).map((value) => (
          <button key={value} type="button" role="radio" aria-checked={interval === value} onClick={() => setInterval(value)}
            className={`rounded-md px-3 py-1.5 font-medium ${interval === value ? "bg-white shadow-sm" : "text-slate-600 hover:text-slate-900"}`}>
            {value === "month" ? "Monthly" : "Annual"}
          </button>
        ))}
      </div>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Plans">
        {shown.map((plan) => {
          const label = ACTION_LABEL[plan.change];
          const isCurrent = plan.change === "current" || plan.change === "resume";
          return (
            <li key={plan.key} aria-label={plan.name} className={`flex flex-col rounded-lg p-4 ring-1 ${isCurrent ? "bg-brand-50 ring-brand-500" : "ring-slate-200"}`}>
              <div className="flex items-start justify-between gap-2">
                <h3 className="font-semibold text-slate-900">{plan.name}</h3>
                {isCurrent && <span className="rounded-full bg-brand-600 px-2 py-0.5 text-xs font-medium text-white">Current</span>}
              </div>
              <p className="mt-1 text-2xl font-semibold">{plan.paid ? formatMoney(plan.priceMinor, plan.currency) : "Free"}<span className="text-sm font-normal text-slate-500">{plan.paid ? ` / ${plan.interval}` : ""}</span></p>
              <p className="mt-1 text-sm text-slate-600">{formatCredits(plan.creditsPerCycle)} credits every {plan.allotmentInterval}</p>
              {perCredit(plan) && <p className="text-xs text-slate-500">{perCredit(plan)}</p>}
              <div className="mt-auto pt-4">
                {canManage && label ? (
                  <Button className="w-full" variant={plan.change === "downgrade" || plan.change === "cancel" ? "secondary" : "primary"} disabled={busy} onClick={() => choose(plan)} aria-label={`${label}: ${plan.name}`}>
                    {label}
                  </Button>
                ) : (
                  isCurrent && <p className="text-center text-sm font-medium text-brand-700">Your current plan</p>
                )}
                {canManage && plan.change === "upgrade" && <p className="mt-1 text-center text-xs text-slate-500">{formatMoney(plan.amountMinor, plan.currency)} today, unused time credited</p>}
                {canManage && plan.change === "downgrade" && <p className="mt-1 text-center text-xs text-slate-500">From <LocalTime iso={plan.effectiveAt} dateOnly /></p>}
              </div>
            </li>
          );
        })}
      </ul>
      {checkout && (
        <PlanCheckoutDialog
          plan={checkout}
          workspaceSlug={workspaceSlug}
          scope={scope}
          source={paymentSource}
          gateway={gateway}
          onClose={() => setCheckout(null)}
          onPaid={() => {
            setNotice(`You are now on ${checkout.name}. Its credits are available now.`);
            setCheckout(null);
            router.refresh();
          }}
        />
      )}
      {confirming && (
        <ConfirmDialog
          title={confirming.change === "cancel" ? "Cancel the paid plan?" : `Downgrade to ${confirming.name}?`}
          confirmLabel={confirming.change === "cancel" ? "Cancel plan" : "Schedule downgrade"}
          tone={confirming.change === "cancel" ? "danger" : "primary"}
          busy={busy}
          error={error}
          onConfirm={confirm}
          onClose={() => { setConfirming(null); setError(null); }}
        >
          {confirming.change === "cancel" ? (
            <>
              <p>The plan stays active until <LocalTime iso={confirming.effectiveAt} dateOnly />; its credits are cleared then and nothing more is charged.</p>
              {pausedOnFree ? (
                <p className="font-medium text-amber-900" data-testid="free-plan-pause">
                  {formatCredits(pausedOnFree.credits)} bought credits{scope === "workspace" ? ` of ${pausedOnFree.members} ${pausedOnFree.members === 1 ? "member" : "members"}` : ""} will be paused then: kept, but not usable until {scope === "workspace" ? "the workspace is" : "you are"} on a paid plan again.
                </p>
              ) : (
                <p>Top-up credits are kept.</p>
              )}
            </>
          ) : (
            <>
              <p>You keep the current plan and its credits until <LocalTime iso={confirming.effectiveAt} dateOnly />. Then {confirming.name} starts and {formatMoney(confirming.amountMinor, confirming.currency)} is charged to the saved card.</p>
              <p>Top-up credits are kept.</p>
            </>
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}

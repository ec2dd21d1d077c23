import { Alert } from "@/components/ui/field";
import { LocalTime } from "@/components/credits/local-time";
import type { TCurrentPlanView } from "@/lib/billing/subscriptions/get-plan-options";
import { formatCredits, formatMoney } from "@/lib/format";

/** The current plan in words: what it gives, when it renews or ends, and what needs doing. */
export function CurrentPlan({ current, canManage }: { current: TCurrentPlanView | null; canManage: boolean }) {
  if (!current || !current.paid) {
    return (
      <div data-testid="current-plan" className="text-sm text-slate-700">
        <p><span className="font-semibold text-slate-900">{current?.name ?? "Free"}</span>: no paid plan. Choose a plan below to get credits every cycle{canManage ? "" : " (the owner chooses plans)"}.</p>
      </div>
    );
  }
  return (
    <div data-testid="current-plan" className="space-y-3 text-sm text-slate-700">
      <p>
        <span className="font-semibold text-slate-900">{current.name}</span> · {formatMoney(current.priceMinor, current.currency)} per {current.interval} · {formatCredits(current.creditsPerCycle)} credits per cycle
      </p>
      {current.status === "active" && !current.scheduled && (
        <p>{current.billed ? <>Renews on <LocalTime iso={current.periodEnd} dateOnly />{current.payerName ? `, charged to ${current.payerName}'s saved card` : ""}.</> : <>Current cycle ends on <LocalTime iso={current.periodEnd} dateOnly />.</>}</p>
      )}
      {current.status === "active" && current.scheduled && (
        <Alert tone="info">Changes to {current.scheduled.name} on <LocalTime iso={current.periodEnd} dateOnly /> ({formatMoney(current.scheduled.priceMinor, current.scheduled.currency)} charged then).{canManage && " To stay on this plan, choose Keep this plan."}</Alert>
      )}
      {current.status === "canceled" && current.endsAt && (
        <Alert tone="warning">Cancelled: active until <LocalTime iso={current.endsAt} dateOnly />, then Free. Plan credits are cleared then; top-up credits are kept.</Alert>
      )}
      {current.status === "past_due" && (
        <Alert tone="error">
          The renewal payment failed{current.failureMessage ? `: ${current.failureMessage}` : "."} Plan credits are paused until it is paid; top-up credits are kept.
          {canManage && " Update the card below, then choose Subscribe on this plan to pay."}
        </Alert>
      )}
    </div>
  );
}

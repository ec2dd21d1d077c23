import type { Plan } from "@/lib/generated/prisma/client";
import type { TPlanState } from "@/lib/billing/subscriptions/get-plan-state";
import { classifyPlanChange, prorateUpgrade, type TPlanChange } from "@/lib/billing/subscriptions/plan-change";

export type TPlanQuote = {
  change: TPlanChange;
  /** Charged now (subscribe, upgrade) or at the period's end (downgrade); 0 otherwise. */
  amountMinor: number;
  /** Unused time of the current plan taken off an upgrade. */
  creditMinor: number;
  /** When the change takes effect: now, or the end of the paid period. */
  effectiveAt: Date;
};

/** What switching to `target` costs and when it applies, from the plan state. */
export function quotePlanChange(state: TPlanState, target: Pick<Plan, "key" | "paid" | "interval" | "priceMinor">, now: Date = new Date()): TPlanQuote {
  const change = classifyPlanChange(state?.current ?? null, target);
  if (change === "subscribe") return { change, amountMinor: target.priceMinor, creditMinor: 0, effectiveAt: now };
  if (change === "upgrade" && state) {
    const { amountMinor, creditMinor } = prorateUpgrade({ currentPriceMinor: state.plan.priceMinor, newPriceMinor: target.priceMinor, periodStart: state.periodStart, periodEnd: state.periodEnd, now });
    return { change, amountMinor, creditMinor, effectiveAt: now };
  }
  if (change === "downgrade" && state) return { change, amountMinor: target.priceMinor, creditMinor: 0, effectiveAt: state.periodEnd };
  if (change === "cancel" && state) return { change, amountMinor: 0, creditMinor: 0, effectiveAt: state.periodEnd };
  return { change, amountMinor: 0, creditMinor: 0, effectiveAt: now };
}

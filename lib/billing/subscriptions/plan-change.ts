/** Plans as the change rules see them. */
export type TPlanLite = { key: string; paid: boolean; interval: "month" | "year"; priceMinor: number };

export type TCurrentPlan = {
  plan: TPlanLite;
  status: "active" | "past_due" | "canceled" | "ended";
  /** Paid through Refill (has a billing row): only then is unused time credited or a downgrade deferred. */
  billed: boolean;
};

/**
 * What choosing `target` means from `current`:
 * - subscribe: a new subscription from now at the full price (no paid plan, a failed renewal, or
 *   a plan not billed here);
 * - upgrade: from now, the unused part of the current period credited;
 * - downgrade: at the end of the paid period, charged then;
 * - cancel: Free chosen: the paid plan runs to its period's end and is not renewed;
 * - resume: the plan that is set to end is kept after all;
 * - current / none: nothing to do.
 */
export type TPlanChange = "subscribe" | "upgrade" | "downgrade" | "cancel" | "resume" | "current" | "none";

/** Price per month, for comparing monthly and annual plans. */
export function monthlyEquivalentMinor(plan: Pick<TPlanLite, "interval" | "priceMinor">): number {
  return plan.interval === "year" ? plan.priceMinor / 12 : plan.priceMinor;
}

export function classifyPlanChange(current: TCurrentPlan | null, target: TPlanLite): TPlanChange {
  const live = current && current.status !== "ended" ? current : null;
  const paidLive = live?.plan.paid ? live : null;
  if (!target.paid) {
    if (!paidLive) return live?.plan.key === target.key ? "current" : "none";
    return paidLive.status === "active" ? "cancel" : "none";
  }
  if (!paidLive) return "subscribe";
  if (paidLive.plan.key === target.key) {
    if (paidLive.status === "active") return "current";
    if (paidLive.status === "canceled") return "resume";
    return "subscribe";
  }
  if (paidLive.status !== "active" || !paidLive.billed) return "subscribe";
  return monthlyEquivalentMinor(target) > monthlyEquivalentMinor(paidLive.plan) ? "upgrade" : "downgrade";
}

/** The smallest card charge the gateway accepts (Stripe: 50 cents or equivalent). */
export const MIN_CHARGE_MINOR = 50;

/**
 * An upgrade's price now: the new plan's price less the unused share of what was paid for the
 * current period, in whole minor units (the credit rounded down, in the customer's disfavour by
 * at most one minor unit), never below the gateway's minimum charge.
 */
export function prorateUpgrade(options: { currentPriceMinor: number; newPriceMinor: number; periodStart: Date; periodEnd: Date; now: Date }): { amountMinor: number; creditMinor: number } {
  const total = options.periodEnd.getTime() - options.periodStart.getTime();
  const left = Math.min(Math.max(options.periodEnd.getTime() - options.now.getTime(), 0), total);
  const creditMinor = total > 0 ? Math.floor((options.currentPriceMinor * left) / total) : 0;
  return { amountMinor: Math.max(options.newPriceMinor - creditMinor, MIN_CHARGE_MINOR), creditMinor };
}

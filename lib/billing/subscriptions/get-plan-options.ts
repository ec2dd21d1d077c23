import { prisma } from "@/lib/db";
import { listPlans } from "@/lib/plans/list-plans";
import { getPlanState } from "@/lib/billing/subscriptions/get-plan-state";
import { quotePlanChange } from "@/lib/billing/subscriptions/quote-plan-change";
import type { TPlanChange } from "@/lib/billing/subscriptions/plan-change";
import { getWorkspacePolicy } from "@/lib/credits/policy";
import { describeFreePlanPause, type TFreePlanPause } from "@/lib/billing/subscriptions/describe-free-plan-pause";

export type TPlanOption = {
  key: string;
  name: string;
  paid: boolean;
  interval: "month" | "year";
  allotmentInterval: "month" | "year";
  creditsPerCycle: number;
  priceMinor: number;
  currency: string;
  creditPriceMicros: number;
  change: TPlanChange;
  amountMinor: number;
  creditMinor: number;
  effectiveAt: string;
};

export type TCurrentPlanView = {
  name: string;
  key: string;
  paid: boolean;
  status: "active" | "past_due" | "canceled" | "ended";
  priceMinor: number;
  currency: string;
  interval: "month" | "year";
  creditsPerCycle: number;
  periodEnd: string;
  endsAt: string | null;
  billed: boolean;
  payerName: string | null;
  failureMessage: string | null;
  scheduled: { name: string; priceMinor: number; currency: string } | null;
};

/**
 * The catalog with, for each plan, what choosing it would do and cost now; the current plan; and
 * what switching to Free would pause when the current period ends (for the downgrade dialog).
 */
export async function getPlanOptions(options: { workspaceId: string; userId: string | null; now?: Date }): Promise<{ current: TCurrentPlanView | null; plans: TPlanOption[]; pausedOnFree: TFreePlanPause }> {
  const now = options.now ?? new Date();
  const [plans, state, policy] = await Promise.all([listPlans(), getPlanState({ workspaceId: options.workspaceId, userId: options.userId, now }), getWorkspacePolicy({ workspaceId: options.workspaceId })]);
  const livePaid = state && state.current.status !== "ended" && state.plan.paid;
  const pausedOnFree = livePaid ? await describeFreePlanPause({ workspaceId: options.workspaceId, userId: options.userId, policy, at: state.periodEnd }) : null;
  const payer = state?.billing ? await prisma.user.findUnique({ where: { id: state.billing.payerUserId }, select: { name: true } }) : null;
  const current: TCurrentPlanView | null = state && state.current.status !== "ended"
    ? {
        name: state.plan.name,
        key: state.plan.key,
        paid: state.plan.paid,
        status: state.current.status,
        priceMinor: state.plan.priceMinor,
        currency: state.plan.currency,
        interval: state.plan.interval,
        creditsPerCycle: state.plan.creditsPerCycle,
        periodEnd: state.periodEnd.toISOString(),
        endsAt: state.subscription.endsAt?.toISOString() ?? null,
        billed: state.current.billed,
        payerName: payer?.name ?? null,
        failureMessage: state.billing?.lastFailureMessage ?? null,
        scheduled: state.scheduledPlan ? { name: state.scheduledPlan.name, priceMinor: state.scheduledPlan.priceMinor, currency: state.scheduledPlan.currency } : null,
      }
    : null;
  return {
    current,
    pausedOnFree,
    plans: plans.map((plan) => {
      const quote = quotePlanChange(state, plan, now);
      // With a downgrade scheduled, the current plan's card offers to keep it.
      const change = quote.change === "current" && state?.scheduledPlan ? "resume" : quote.change;
      return {
        key: plan.key,
        name: plan.name,
        paid: plan.paid,
        interval: plan.interval,
        allotmentInterval: plan.allotmentInterval,
        creditsPerCycle: plan.creditsPerCycle,
        priceMinor: plan.priceMinor,
        currency: plan.currency,
        creditPriceMicros: plan.creditPriceMicros,
        change,
        amountMinor: quote.amountMinor,
        creditMinor: quote.creditMinor,
        effectiveAt: quote.effectiveAt.toISOString(),
      };
    }),
  };
}

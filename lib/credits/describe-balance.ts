import { CREDIT_SOURCE_LABELS } from "@/lib/credits/credit-event-kinds";
import type { TBalance } from "@/lib/credits/types";
import type { CreditSource } from "@/lib/generated/prisma/enums";

export type TBucketView = {
  key: string;
  source: CreditSource;
  label: string;
  remaining: number;
  expiresAt: string | null;
  paused: boolean;
  pausedReason: string | null;
};
export type TBalanceView = {
  available: number;
  /** Credits kept in paused buckets: not spendable now, not lost. */
  pausedCredits: number;
  buckets: TBucketView[];
  lowCreditThreshold: number;
  low: boolean;
  spendingPausedMessage: string | null;
};

/** Below this many credits, or 10% of the plan's credits if that is more, the page warns. */
export const LOW_CREDIT_FLOOR = 100;

export const PAUSED_VIEWER = "Paused while your role is Viewer";
export const PAUSED_FREE_PLAN = "Paused: the workspace is on the Free plan";

export function lowCreditThreshold(planCredits: number | null): number {
  return Math.max(LOW_CREDIT_FLOOR, Math.ceil((planCredits ?? 0) / 10));
}

function spendingPausedMessage(reason: string | null | undefined): string | null {
  if (!reason) return null;
  if (reason === "auto_reload_payment_failed") {
    return "Metered work is paused because an automatic top-up payment failed. Update the payment method in Billing to resume.";
  }
  return "Metered work is paused for this workspace.";
}

/**
 * What the "Available now" card shows, from the engine's balance: buckets in spending order with
 * labels and, for paused ones, why (a viewer cannot spend; otherwise the ledger pauses top-ups
 * only when the workspace has no paid plan), and whether to warn about a low balance.
 */
export function describeBalance(options: { balance: TBalance; canSpend: boolean; planCredits: number | null }): TBalanceView {
  const { balance, canSpend } = options;
  const buckets = balance.buckets.map((bucket, index) => ({
    key: `${bucket.source}-${bucket.expiresAt ?? "never"}-${index}`,
    source: bucket.source,
    label: CREDIT_SOURCE_LABELS[bucket.source],
    remaining: bucket.remaining,
    expiresAt: bucket.expiresAt,
    paused: bucket.paused,
    pausedReason: bucket.paused ? (canSpend ? PAUSED_FREE_PLAN : PAUSED_VIEWER) : null,
  }));
  const threshold = lowCreditThreshold(options.planCredits);
  return {
    available: balance.available,
    pausedCredits: buckets.filter((b) => b.paused).reduce((sum, b) => sum + b.remaining, 0),
    buckets,
    lowCreditThreshold: threshold,
    low: canSpend && balance.available < threshold,
    spendingPausedMessage: spendingPausedMessage(balance.spendingPausedReason),
  };
}

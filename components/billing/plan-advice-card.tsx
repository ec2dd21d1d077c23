import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { TPlanAdvice } from "@/lib/billing/plan-advice/compare-plans";
import { formatCredits, formatMoney } from "@/lib/format";

/** "A plan would have cost less": shown to owners and admins after two or more packs in a cycle. */
export function PlanAdviceCard({ advice, billingHref }: { advice: TPlanAdvice; billingHref: string }) {
  const currency = advice.suggested.currency;
  const paid = (advice.currentPlan?.priceMinor ?? 0) + advice.spentOnPacksMinor;
  return (
    <Card title="A plan would cost less" description="Plans are cheaper per credit than packs." className="ring-amber-200">
      <div data-testid="plan-advice" className="space-y-2 text-sm text-slate-700">
        <p>
          This cycle you bought {advice.packsBought} packs ({formatCredits(advice.creditsBought)} credits for {formatMoney(advice.spentOnPacksMinor, currency)})
          {advice.currentPlan ? ` on top of ${advice.currentPlan.name} (${formatMoney(advice.currentPlan.priceMinor, currency)})` : ""}: {formatMoney(paid, currency)} in all.
        </p>
        <p>
          <strong>{advice.suggested.name}</strong> includes {formatCredits(advice.suggested.creditsPerCycle)} credits a month for{" "}
          {formatMoney(advice.suggested.priceMinor, currency)}: {formatMoney(advice.savingMinor, currency)} less.
        </p>
        <Link href={billingHref} className="inline-block font-medium text-brand-700 underline">Compare plans on Billing</Link>
      </div>
    </Card>
  );
}

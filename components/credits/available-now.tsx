import Link from "next/link";
import { Card, EmptyState } from "@/components/ui/card";
import { Alert } from "@/components/ui/field";
import { LocalTime } from "@/components/credits/local-time";
import { formatCredits } from "@/lib/format";
import type { TBalanceView } from "@/lib/credits/describe-balance";

export function AvailableNow({ balance, planName, billingHref }: { balance: TBalanceView; planName: string | null; billingHref: string }) {
  return (
    <Card title="Available now" description={planName ? `Covered by the ${planName} plan.` : "No plan covers you yet."}>
      <p className="text-4xl font-semibold tracking-tight text-slate-900">
        <span data-testid="available-now">{formatCredits(balance.available)}</span>{" "}
        <span className="text-base font-normal text-slate-600">credits</span>
      </p>
      {balance.pausedCredits > 0 && (
        <p className="mt-1 text-sm text-slate-600" data-testid="paused-credits">
          {formatCredits(balance.pausedCredits)} more credits are paused and not counted.
        </p>
      )}
      <div className="mt-4 space-y-3">
        {balance.spendingPausedMessage && (
          <Alert tone="error">
            {balance.spendingPausedMessage} <Link className="font-medium underline" href={billingHref}>Open Billing</Link>
          </Alert>
        )}
        {balance.low && (
          <div data-testid="low-credit-warning">
            <Alert tone="warning">
              {balance.available === 0 ? "You're out of credits." : `You're running low on credits (below ${formatCredits(balance.lowCreditThreshold)}).`}{" "}
              Top up before running paid features so your work is not interrupted.{" "}
              <a className="font-medium underline" href="#buy-credits">Buy more credits</a>
            </Alert>
          </div>
        )}
      </div>
      <h3 className="mt-5 text-sm font-semibold text-slate-900">Breakdown by bucket</h3>
      <p className="text-sm text-slate-600">Spent in this order: credits that reset are used before those that don&apos;t.</p>
      {balance.buckets.length === 0 ? (
        <div className="mt-3">
          <EmptyState title="No credits yet">Credits from your plan, the workspace pool and top-ups appear here.</EmptyState>
        </div>
      ) : (
        <div className="mt-3 overflow-x-auto" role="region" aria-label="Credits by bucket" tabIndex={0}>
          <table className="w-full text-left text-sm" data-testid="bucket-breakdown">
            <caption className="sr-only">Your credits by bucket, in spending order</caption>
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="py-2">Bucket</th>
                <th scope="col" className="text-right">Credits</th>
                <th scope="col" className="pl-6">Expires</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {balance.buckets.map((bucket) => (
                <tr key={bucket.key} data-testid="bucket-row" data-source={bucket.source}>
                  <th scope="row" className="py-2 font-medium text-slate-900">{bucket.label}</th>
                  <td className="text-right tabular-nums">{formatCredits(bucket.remaining)}</td>
                  <td className="pl-6">{bucket.expiresAt ? <LocalTime iso={bucket.expiresAt} dateOnly /> : "Never"}</td>
                  <td>
                    {bucket.pausedReason ? (
                      <span className="text-amber-800">{bucket.pausedReason}</span>
                    ) : (
                      <span className="text-emerald-700">Active</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

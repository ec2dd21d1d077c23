import Link from "next/link";
import { Card, EmptyState } from "@/components/ui/card";
import { UsageChart } from "@/components/credits/usage-chart";
import { LocalTime } from "@/components/credits/local-time";
import { formatCredits } from "@/lib/format";
import { USAGE_PERIODS, type TUsagePeriod } from "@/lib/credits/history-schemas";
import type { TUsageSummary } from "@/lib/credits/summarize-usage-by-group";

/** "livestream:launch" → { kind: "Livestream", name: "launch" }; other keys are shown as they are. */
function describeGroup(group: string | null): { kind: string; name: string } {
  if (!group) return { kind: "", name: "No group" };
  const match = /^([a-z_]+)[:/](.+)$/i.exec(group);
  if (!match) return { kind: "", name: group };
  const kind = match[1].replace(/_/g, " ");
  return { kind: kind[0].toUpperCase() + kind.slice(1), name: match[2] };
}

export function UsageSummary({
  usage,
  period,
  periodHref,
  scope,
}: {
  usage: TUsageSummary;
  period: TUsagePeriod;
  periodHref: (days: TUsagePeriod) => string;
  scope: "workspace" | "own";
}) {
  const empty = usage.byFeature.length === 0;
  return (
    <Card
      title="Grouped usage"
      description={scope === "workspace" ? "Credits used across the workspace, by feature and by group." : "Credits you used, by feature and by group."}
      actions={
        <nav aria-label="Usage period" className="flex gap-1">
          {USAGE_PERIODS.map((days) => (
            <Link
              key={days}
              href={periodHref(days)}
              scroll={false}
              aria-current={days === period ? "page" : undefined}
              className={`rounded-md px-2.5 py-1.5 text-sm font-medium ${days === period ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}
            >
              {days} days
            </Link>
          ))}
        </nav>
      }
    >
      <p className="mb-3 text-sm text-slate-600">
        <span data-testid="usage-total">{formatCredits(usage.totalCredits)}</span> credits since <LocalTime iso={usage.since} dateOnly />.
      </p>
      {empty ? (
        <EmptyState title={`No usage in the last ${period} days`}>Captured credits appear here once metered features run.</EmptyState>
      ) : (
        <div className="space-y-6">
          <UsageChart
            data={usage.byFeature.map((f) => ({ label: f.name, credits: f.credits }))}
            summary={`Credits by feature over the last ${period} days: ${usage.byFeature.map((f) => `${f.name} ${f.credits}`).join(", ")}.`}
          />
          <div className="grid gap-6 lg:grid-cols-2">
            <table className="w-full text-left text-sm" data-testid="usage-by-feature">
              <caption className="mb-2 text-left text-sm font-semibold text-slate-900">By feature</caption>
              <thead className="text-xs uppercase text-slate-500">
                <tr><th scope="col" className="py-2">Feature</th><th scope="col" className="text-right">Uses</th><th scope="col" className="text-right">Credits</th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {usage.byFeature.map((f) => (
                  <tr key={f.feature}>
                    <th scope="row" className="py-2 font-medium">{f.name}</th>
                    <td className="text-right tabular-nums">{formatCredits(f.uses)}</td>
                    <td className="text-right tabular-nums">{formatCredits(f.credits)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="w-full text-left text-sm" data-testid="usage-by-group">
              <caption className="mb-2 text-left text-sm font-semibold text-slate-900">By group (livestream, order, campaign…)</caption>
              <thead className="text-xs uppercase text-slate-500">
                <tr><th scope="col" className="py-2">Group</th><th scope="col" className="text-right">Uses</th><th scope="col" className="text-right">Credits</th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {usage.byGroup.map((g) => {
                  const { kind, name } = describeGroup(g.group);
                  return (
                    <tr key={g.group ?? "__none"}>
                      <th scope="row" className="py-2 font-medium">
                        {kind && <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">{kind}</span>}
                        <span className={g.group ? "" : "text-slate-600"}>{name}</span>
                      </th>
                      <td className="text-right tabular-nums">{formatCredits(g.uses)}</td>
                      <td className="text-right tabular-nums">{formatCredits(g.credits)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </Card>
  );
}

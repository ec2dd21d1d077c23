import { Card } from "@/components/ui/card";
import { UsageSummary } from "@/components/credits/usage-summary";
import { getUsageSummary } from "@/lib/credits/get-usage-summary";
import type { TUsagePeriod } from "@/lib/credits/history-schemas";

/**
 * Grouped usage, fetched on its own so the page streams around it: a workspace-wide summary over
 * a large ledger is the slowest read of the page. The caller has authorized and scoped it.
 */
export async function GroupedUsageSection(props: {
  workspaceId: string;
  memberId: string | undefined;
  period: TUsagePeriod;
  periodHref: (days: TUsagePeriod) => string;
}) {
  const usage = await getUsageSummary({ workspaceId: props.workspaceId, memberId: props.memberId, days: props.period });
  return <UsageSummary usage={usage} period={props.period} periodHref={props.periodHref} scope={props.memberId ? "own" : "workspace"} />;
}

export function GroupedUsageFallback() {
  return (
    <Card title="Grouped usage">
      <div className="h-64 animate-pulse rounded-lg bg-slate-100" aria-busy="true">
        <span className="sr-only">Loading grouped usage…</span>
      </div>
    </Card>
  );
}

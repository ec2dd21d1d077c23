import type { Metadata } from "next";
import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { LocalTime } from "@/components/credits/local-time";
import { authorizePage } from "@/lib/actions/authorize-page";
import { listAuditLogs, parseAuditCursor } from "@/lib/audit/list-audit-logs";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: Promise<{ before?: string }> }) {
  const { workspace } = await params;
  const actor = await authorizePage(workspace, "audit:read");
  const { before } = await searchParams;
  const page = await listAuditLogs({ workspaceId: actor.workspaceId, before: parseAuditCursor(before) });
  const base = `/w/${actor.workspaceSlug}/settings/audit`;
  return (
    <>
      <PageHeader title="Audit log" description="Who changed what in this workspace: plans, cards, policy, members, keys." />
      <Card>
        {page.entries.length === 0 ? (
          <EmptyState title="Nothing recorded yet">Changes to plans, members, keys and policy appear here.</EmptyState>
        ) : (
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Audit log entries">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 text-slate-500">
                <tr><th scope="col" className="py-2 pr-4 font-medium">When</th><th scope="col" className="py-2 pr-4 font-medium">Who</th><th scope="col" className="py-2 pr-4 font-medium">Action</th><th scope="col" className="py-2 pr-4 font-medium">Target</th><th scope="col" className="py-2 font-medium">Details</th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {page.entries.map((entry) => (
                  <tr key={entry.id} data-testid="audit-row">
                    <td className="whitespace-nowrap py-2 pr-4"><LocalTime iso={entry.createdAt.toISOString()} /></td>
                    <td className="py-2 pr-4">{entry.actor}</td>
                    <td className="py-2 pr-4 font-mono text-xs">{entry.action}</td>
                    <td className="py-2 pr-4 font-mono text-xs">{entry.target}</td>
                    <td className="max-w-md truncate py-2 font-mono text-xs text-slate-600" title={JSON.stringify(entry.details)}>{JSON.stringify(entry.details)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="mt-4 flex gap-4 text-sm">
          {before && <Link href={base} className="font-medium text-brand-700 underline">Newest</Link>}
          {page.next && <Link href={`${base}?before=${encodeURIComponent(page.next)}`} className="font-medium text-brand-700 underline">Older entries</Link>}
        </div>
      </Card>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { ApiKeysPanel } from "@/components/settings/api-keys-panel";
import { authorizePage } from "@/lib/actions/authorize-page";
import { roleAllows } from "@/lib/auth/permissions";
import { listApiKeys } from "@/lib/workspaces/list-api-keys";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const actor = await authorizePage(workspace, "workspace:read");
  const canManageKeys = roleAllows(actor.role, "api_keys:manage");
  const keys = canManageKeys ? await listApiKeys({ workspaceId: actor.workspaceId }) : [];
  return (
    <>
      <PageHeader title="Settings" description={`Your profile and ${actor.workspaceName}'s settings.`} />
      <div className="space-y-6">
        <Card title="Profile">
          <dl className="grid gap-3 text-sm sm:grid-cols-3">
            <div><dt className="text-slate-500">Name</dt><dd className="font-medium">{actor.name}</dd></div>
            <div><dt className="text-slate-500">Email</dt><dd className="font-medium">{actor.email}</dd></div>
            <div><dt className="text-slate-500">Role in this workspace</dt><dd className="font-medium capitalize">{actor.role}</dd></div>
          </dl>
        </Card>
        {roleAllows(actor.role, "policy:manage") && (
          <Card title="Credit policy and audit" description="Choose how credits are bought, shared and kept (one of five presets, adjusted), and review who changed what.">
            <div className="flex flex-wrap gap-4 text-sm">
              <Link href={`/w/${actor.workspaceSlug}/settings/policies`} className="font-medium text-brand-700 underline">Credit policy</Link>
              <Link href={`/w/${actor.workspaceSlug}/settings/audit`} className="font-medium text-brand-700 underline">Audit log</Link>
            </div>
          </Card>
        )}
        {canManageKeys && (
          <Card title="API keys" description="Servers meter usage through the HTTP API with a workspace key. Keys are shown once and stored hashed.">
            <ApiKeysPanel
              workspaceSlug={actor.workspaceSlug}
              keys={keys.map((k) => ({ ...k, createdAt: k.createdAt.toISOString(), lastUsedAt: k.lastUsedAt?.toISOString() ?? null, revokedAt: k.revokedAt?.toISOString() ?? null }))}
            />
          </Card>
        )}
      </div>
    </>
  );
}

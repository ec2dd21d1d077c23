"use client";

import { useState, useTransition } from "react";
import { LocalTime } from "@/components/credits/local-time";
import { Button } from "@/components/ui/button";
import { Alert, Field } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/card";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/actions/settings/api-key-actions";

type TKeyRow = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

export function ApiKeysPanel({ workspaceSlug, keys }: { workspaceSlug: string; keys: TKeyRow[] }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const [newKey, setNewKey] = useState<string>();

  function create(formData: FormData) {
    setError(undefined);
    startTransition(async () => {
      const result = await createApiKeyAction({ workspaceSlug, name: formData.get("name") });
      if (result.ok) setNewKey(result.key);
      else setError(result.error.message);
    });
  }

  function revoke(apiKeyId: string, name: string) {
    if (!window.confirm(`Revoke “${name}”? Requests using it are refused at once.`)) return;
    startTransition(async () => {
      const result = await revokeApiKeyAction({ workspaceSlug, apiKeyId });
      if (!result.ok) setError(result.error.message);
    });
  }

  return (
    <div className="space-y-4">
      {error && <Alert tone="error">{error}</Alert>}
      {newKey && (
        <Alert tone="success">
          <p className="font-medium">Copy this key now: it will not be shown again.</p>
          <code data-testid="new-api-key" className="mt-1 block break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900">{newKey}</code>
        </Alert>
      )}
      <form action={create} className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1"><Field id="api-key-name" name="name" label="New key name" placeholder="e.g. Production server" required maxLength={80} /></div>
        <Button type="submit" disabled={pending}>{pending ? "Working…" : "Create key"}</Button>
      </form>
      {keys.length === 0 ? (
        <EmptyState title="No API keys yet">Create one to meter usage from your servers through the API.</EmptyState>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase text-slate-500">
            <tr><th className="py-2">Name</th><th>Key</th><th>Created</th><th>Last used</th><th><span className="sr-only">Actions</span></th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {keys.map((key) => (
              <tr key={key.id}>
                <td className="py-2 font-medium">{key.name}</td>
                <td className="font-mono text-xs">{key.prefix}…</td>
                <td><LocalTime iso={new Date(key.createdAt).toISOString()} dateOnly /></td>
                <td>{key.lastUsedAt ? <LocalTime iso={new Date(key.lastUsedAt).toISOString()} /> : "Never"}</td>
                <td className="text-right">
                  {key.revokedAt ? (
                    <span className="text-xs text-slate-500">Revoked</span>
                  ) : (
                    <Button variant="secondary" size="sm" disabled={pending} onClick={() => revoke(key.id, key.name)}>Revoke</Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

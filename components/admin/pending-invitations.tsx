"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import { cancelInvitationAction } from "@/lib/actions/admin/member-actions";

type TPendingInvitation = { id: string; email: string; role: string; createdAt: string };

/** Invitations people have not answered yet: the address and role only, never who they are. */
export function PendingInvitations({ workspaceSlug, invitations }: { workspaceSlug: string; invitations: TPendingInvitation[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  if (invitations.length === 0) return null;

  function cancel(invitation: TPendingInvitation) {
    setError(null);
    startTransition(async () => {
      const result = await cancelInvitationAction({ workspaceSlug, invitationId: invitation.id });
      if (!result.ok) return setError(result.error.message);
      router.refresh();
    });
  }

  return (
    <div className="space-y-2 border-t border-slate-100 pt-4">
      <h3 className="text-sm font-semibold text-slate-900">Waiting for an answer</h3>
      <p className="text-xs text-slate-500">These people already use Refill. They join, with the role offered, once they accept in the app.</p>
      {error && <Alert tone="error">{error}</Alert>}
      <ul className="divide-y divide-slate-100">
        {invitations.map((invitation) => (
          <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
            <span className="min-w-0 break-all text-slate-700">
              {invitation.email}{" "}
              <span className="text-xs text-slate-500">
                · <span className="capitalize">{invitation.role}</span> · invited <time dateTime={invitation.createdAt}>{invitation.createdAt.slice(0, 10)}</time>
              </span>
            </span>
            <Button size="sm" variant="ghost" disabled={pending} onClick={() => cancel(invitation)} aria-label={`Cancel invitation for ${invitation.email}`}>Cancel</Button>
          </li>
        ))}
      </ul>
    </div>
  );
}

"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import { acceptInvitationAction, declineInvitationAction } from "@/lib/actions/invitations/invitation-actions";

type TInvitation = { id: string; workspaceName: string; role: string; invitedBy: string; createdAt: string };

/** Invitations waiting for the signed-in person's answer: nothing changes until they accept. */
export function InvitationsBanner({ invitations }: { invitations: TInvitation[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function respond(invitation: TInvitation, accept: boolean) {
    setError(null);
    startTransition(async () => {
      const result = accept ? await acceptInvitationAction({ invitationId: invitation.id }) : await declineInvitationAction({ invitationId: invitation.id });
      if (!result.ok) return setError(result.error.message);
      if (accept && "workspaceSlug" in result) router.push(`/w/${result.workspaceSlug}/work`);
      else router.refresh();
    });
  }

  return (
    <section aria-label="Invitations" className="mb-6 space-y-3 rounded-xl bg-brand-50 p-4 ring-1 ring-brand-100">
      <h2 className="text-sm font-semibold text-slate-900">{invitations.length === 1 ? "An invitation is waiting for you" : `${invitations.length} invitations are waiting for you`}</h2>
      {error && <Alert tone="error">{error}</Alert>}
      <ul className="space-y-2">
        {invitations.map((invitation) => (
          <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-3 rounded-lg bg-white px-3 py-2 ring-1 ring-slate-200">
            <p className="min-w-0 text-sm text-slate-700">
              <strong className="text-slate-900">{invitation.invitedBy}</strong> invited you to <strong className="text-slate-900">{invitation.workspaceName}</strong> as {invitation.role}.
              <span className="block text-xs text-slate-500">They see your name once you accept; until then you are not a member.</span>
            </p>
            <div className="flex gap-2">
              <Button size="sm" variant="secondary" disabled={pending} onClick={() => respond(invitation, false)} aria-label={`Decline invitation to ${invitation.workspaceName}`}>Decline</Button>
              <Button size="sm" disabled={pending} onClick={() => respond(invitation, true)} aria-label={`Accept invitation to ${invitation.workspaceName}`}>Accept</Button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Alert, Field } from "@/components/ui/field";
import { changeMemberRoleAction, inviteMemberAction, removeMemberAction } from "@/lib/actions/admin/member-actions";
import { formatCredits } from "@/lib/format";

export type TMemberRow = {
  userId: string;
  name: string;
  email: string;
  role: "owner" | "admin" | "member" | "viewer";
  invitationPending: boolean;
  available: number;
};

const ROLE_CHOICES = [
  { value: "admin", label: "Admin" },
  { value: "member", label: "Member (can edit)" },
  { value: "viewer", label: "Viewer (read only)" },
] as const;

/** Members with their role (changeable), credits and removal, plus the invitation form. */
export function MembersPanel({ workspaceSlug, members, currentUserId }: { workspaceSlug: string; members: TMemberRow[]; currentUserId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [confirmRemove, setConfirmRemove] = useState<string | null>(null);

  function run(userId: string, work: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>, success: string) {
    setBusyId(userId);
    setNotice(null);
    startTransition(async () => {
      const result = await work();
      setBusyId(null);
      setConfirmRemove(null);
      setNotice(result.ok ? { tone: "success", text: success } : { tone: "error", text: result.error.message });
      if (result.ok) router.refresh();
    });
  }

  return (
    <div className="space-y-6">
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase text-slate-500">
            <tr><th className="py-2 pr-3">Name</th><th className="pr-3">Role</th><th className="pr-3 text-right">Credits</th><th className="sr-only">Actions</th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.map((member) => {
              const editable = member.role !== "owner" && member.userId !== currentUserId;
              const busy = pending && busyId === member.userId;
              return (
                <tr key={member.userId} data-testid={`member-row-${member.email}`}>
                  <td className="py-2 pr-3">
                    <p className="font-medium text-slate-900">{member.name}{member.userId === currentUserId && <span className="font-normal text-slate-500"> (you)</span>}</p>
                    <p className="text-xs text-slate-500">{member.email}{member.invitationPending && <span className="ml-2 rounded bg-amber-50 px-1.5 py-0.5 text-amber-800">Invitation sent</span>}</p>
                  </td>
                  <td className="pr-3">
                    {editable ? (
                      <select
                        aria-label={`Role of ${member.name}`}
                        value={member.role}
                        disabled={busy}
                        onChange={(e) => {
                          const role = e.target.value as "admin" | "member" | "viewer";
                          run(member.userId, () => changeMemberRoleAction({ workspaceSlug, userId: member.userId, role }),
                            role === "viewer" ? `${member.name} is now a viewer: their credits are kept but paused until their role allows editing again.` : `${member.name} is now ${role}.`);
                        }}
                        className="rounded-md py-1 pl-2 pr-8 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500"
                      >
                        {ROLE_CHOICES.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
                      </select>
                    ) : (
                      <span className="capitalize">{member.role}</span>
                    )}
                  </td>
                  <td className="pr-3 text-right tabular-nums">{member.role === "viewer" ? <span className="text-slate-500" title="A viewer's credits are paused">paused</span> : formatCredits(member.available)}</td>
                  <td className="py-2 text-right">
                    {editable && (confirmRemove === member.userId ? (
                      <span className="inline-flex gap-2">
                        <Button size="sm" variant="danger" disabled={busy} onClick={() => run(member.userId, () => removeMemberAction({ workspaceSlug, userId: member.userId }), `${member.name} was removed from the workspace.`)}>
                          {busy ? "Removing…" : `Remove ${member.name.split(" ")[0]}`}
                        </Button>
                        <Button size="sm" variant="ghost" onClick={() => setConfirmRemove(null)}>Keep</Button>
                      </span>
                    ) : (
                      <Button size="sm" variant="ghost" onClick={() => setConfirmRemove(member.userId)} aria-label={`Remove ${member.name}`}>Remove</Button>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <InviteForm workspaceSlug={workspaceSlug} onInvited={() => router.refresh()} />
    </div>
  );
}

function InviteForm({ workspaceSlug, onInvited }: { workspaceSlug: string; onInvited: () => void }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<"admin" | "member" | "viewer">("member");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setResult(null);
    const invited = await inviteMemberAction({ workspaceSlug, email, role });
    setBusy(false);
    if (!invited.ok) return setResult({ tone: "error", text: invited.error.message });
    setResult(
      invited.pending
        ? { tone: "success", text: `${invited.invitation.email} already uses Refill: they join once they accept the invitation in the app.` }
        : { tone: "success", text: `Invitation sent to ${invited.member.email}. They sign in with the link in the email.` },
    );
    setEmail("");
    onInvited();
  }

  return (
    <form onSubmit={submit} className="space-y-3 border-t border-slate-100 pt-4" aria-labelledby="invite-heading">
      <h3 id="invite-heading" className="text-sm font-semibold text-slate-900">Invite by email</h3>
      {result && <Alert tone={result.tone}>{result.text}</Alert>}
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
        <Field id="invite-email" label="Email address" type="email" autoComplete="off" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <div className="space-y-1">
          <label htmlFor="invite-role" className="block text-sm font-medium text-slate-800">Role</label>
          <select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as typeof role)} className="block w-full rounded-md py-2 pl-3 pr-8 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500">
            {ROLE_CHOICES.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
          </select>
        </div>
        <Button type="submit" disabled={busy || !email.trim()}>{busy ? "Sending…" : "Send invitation"}</Button>
      </div>
    </form>
  );
}

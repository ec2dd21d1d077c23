"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/card";
import { LocalTime } from "@/components/credits/local-time";
import { AdminPaymentPanel, type TPaymentSource } from "@/components/admin/admin-payment-panel";
import { RequestStatusBadge } from "@/components/admin/request-status-badge";
import type { TBrowserGatewayConfig } from "@/components/payments/load-gateway-js";
import { approveTopUpRequestAction, confirmTopUpApprovalAction, declineTopUpRequestAction } from "@/lib/actions/admin/topup-request-actions";
import { formatCredits, formatMoney } from "@/lib/format";
import type { TTopUpRequestView } from "@/lib/requests/list-topup-requests";

type TRequest = Omit<TTopUpRequestView, "createdAt" | "decidedAt"> & { createdAt: string; decidedAt: string | null };

/** Members' top-up requests for owners and admins: approve (pay) or decline with a reason; then the history. */
export function TopUpRequestsPanel({ workspaceSlug, requests, currentUserId, ineligibleUserIds, paymentSource, gateway }: {
  workspaceSlug: string;
  requests: TRequest[];
  currentUserId: string;
  /** Requesters without the paid plan a top-up needs now: said before any card is typed. */
  ineligibleUserIds: string[];
  paymentSource: TPaymentSource;
  gateway: TBrowserGatewayConfig;
}) {
  const router = useRouter();
  const [approving, setApproving] = useState<TRequest | null>(null);
  const [declining, setDeclining] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const open = requests.filter((r) => r.status === "pending" || r.status === "approving");
  const decided = requests.filter((r) => r.status !== "pending" && r.status !== "approving");

  return (
    <div className="space-y-4">
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      {open.length === 0 ? (
        <EmptyState title="No requests waiting">When a member asks for a top-up, it appears here and you get a notification and an email.</EmptyState>
      ) : (
        <ul className="space-y-3" aria-label="Requests waiting for a decision">
          {open.map((request) => (
            <li key={request.id} className="rounded-lg p-4 ring-1 ring-slate-200" data-testid={`request-${request.id}`}>
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <p className="font-medium text-slate-900">{request.requester.name} asks for {formatCredits(request.credits)} credits</p>
                  <p className="text-sm text-slate-600">{formatMoney(request.amountMinor, request.currency)} · <LocalTime iso={request.createdAt} /></p>
                  {request.note && <p className="mt-1 text-sm italic text-slate-700">“{request.note}”</p>}
                  {request.status === "pending" && ineligibleUserIds.includes(request.requester.userId) && (
                    <p className="mt-1 text-sm font-medium text-amber-800" data-testid={`request-no-plan-${request.id}`}>
                      No paid plan covers {request.requester.name} now, so this top-up cannot be bought. Decline it, or approve once there is a plan.
                    </p>
                  )}
                </div>
                <RequestStatusBadge status={request.status} />
              </div>
              {request.status === "approving" && request.decider?.userId !== currentUserId ? (
                <p className="mt-3 text-sm text-slate-600">{request.decider?.name ?? "Another admin"} is approving and paying for this request.</p>
              ) : declining === request.id ? (
                <DeclineForm
                  workspaceSlug={workspaceSlug}
                  request={request}
                  onCancel={() => setDeclining(null)}
                  onDeclined={() => {
                    setDeclining(null);
                    setNotice({ tone: "success", text: `Declined. ${request.requester.name} has been told why.` });
                    router.refresh();
                  }}
                />
              ) : (
                <div className="mt-3 flex flex-wrap gap-2">
                  <Button size="sm" disabled={request.status === "pending" && ineligibleUserIds.includes(request.requester.userId)} onClick={() => { setNotice(null); setApproving(request); }}>
                    {request.status === "approving" ? "Resume payment" : "Approve"}
                  </Button>
                  {request.status === "pending" && <Button size="sm" variant="secondary" onClick={() => setDeclining(request.id)}>Decline</Button>}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}

      {decided.length > 0 && (
        <details className="rounded-lg ring-1 ring-slate-200">
          <summary className="cursor-pointer px-4 py-2 text-sm font-medium text-slate-800">Decided requests ({decided.length})</summary>
          <ul className="divide-y divide-slate-100 text-sm">
            {decided.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
                <span>
                  {r.requester.name} · {formatCredits(r.credits)} credits
                  {r.decider && r.status !== "canceled" && <span className="text-slate-500"> · by {r.decider.name}</span>}
                  {r.declineReason && <span className="block text-xs text-slate-600">Reason: {r.declineReason}</span>}
                </span>
                <RequestStatusBadge status={r.status} />
              </li>
            ))}
          </ul>
        </details>
      )}

      {approving && (
        <AdminPaymentPanel
          title="Approve top-up request"
          summary={<p>{formatCredits(approving.credits)} credits for {approving.requester.name} ({approving.requester.email}).</p>}
          totalLabel={formatMoney(approving.amountMinor, approving.currency)}
          confirmLabel={`Approve and pay ${formatMoney(approving.amountMinor, approving.currency)}`}
          source={paymentSource}
          gateway={gateway}
          start={(payWith) => approveTopUpRequestAction({ workspaceSlug, requestId: approving.id, payWith })}
          confirm={() => confirmTopUpApprovalAction({ workspaceSlug, requestId: approving.id })}
          onClose={() => { setApproving(null); router.refresh(); }}
          onPaid={() => {
            setNotice({ tone: "success", text: `Approved: ${formatCredits(approving.credits)} credits added for ${approving.requester.name}.` });
            setApproving(null);
            router.refresh();
          }}
        />
      )}
    </div>
  );
}

function DeclineForm({ workspaceSlug, request, onCancel, onDeclined }: { workspaceSlug: string; request: TRequest; onCancel: () => void; onDeclined: () => void }) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `decline-reason-${request.id}`;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await declineTopUpRequestAction({ workspaceSlug, requestId: request.id, reason });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    onDeclined();
  }

  return (
    <form onSubmit={submit} className="mt-3 space-y-2">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">Reason for {request.requester.name}</label>
      <textarea id={id} required maxLength={500} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus
        aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}
        className="block w-full rounded-md px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500" />
      {error && <p id={`${id}-error`} role="alert" className="text-xs text-red-700">{error}</p>}
      <div className="flex gap-2">
        <Button type="submit" size="sm" variant="danger" disabled={busy || !reason.trim()}>{busy ? "Declining…" : "Decline request"}</Button>
        <Button size="sm" variant="ghost" onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}

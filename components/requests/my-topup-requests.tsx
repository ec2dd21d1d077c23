"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/card";
import { LocalTime } from "@/components/credits/local-time";
import { RequestStatusBadge } from "@/components/admin/request-status-badge";
import { RequestTopUpForm } from "@/components/requests/request-topup-form";
import { cancelTopUpRequestAction } from "@/lib/actions/admin/topup-request-actions";
import { type TOffer } from "@/lib/billing/purchases/price-offers";
import { formatCredits, formatMoney } from "@/lib/format";
import type { TTopUpRequestView } from "@/lib/requests/list-topup-requests";

type TRequest = Omit<TTopUpRequestView, "createdAt" | "decidedAt"> & { createdAt: string; decidedAt: string | null };

/** A member's own requests with their state, the form for a new one, and withdrawing a pending one. */
export function MyTopUpRequests({ workspaceSlug, requests, offers, canRequest }: { workspaceSlug: string; requests: TRequest[]; offers: TOffer[]; canRequest: boolean }) {
  const router = useRouter();
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const hasOpen = requests.some((r) => r.status === "pending" || r.status === "approving");

  async function withdraw(requestId: string) {
    const result = await cancelTopUpRequestAction({ workspaceSlug, requestId });
    setNotice(result.ok ? { tone: "success", text: "Request withdrawn." } : { tone: "error", text: result.error.message });
    router.refresh();
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <section aria-labelledby="my-requests-heading" className="space-y-3">
        <h2 id="my-requests-heading" className="text-base font-semibold text-slate-900">Your requests</h2>
        {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
        {requests.length === 0 ? (
          <EmptyState title="No requests yet">Ask for a top-up when you need more credits; you&apos;ll see its state here.</EmptyState>
        ) : (
          <ul className="space-y-2" data-testid="my-requests">
            {requests.map((r) => (
              <li key={r.id} className="rounded-lg p-4 ring-1 ring-slate-200">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div>
                    <p className="font-medium text-slate-900">{formatCredits(r.credits)} credits · {formatMoney(r.amountMinor, r.currency)}</p>
                    <p className="text-xs text-slate-500">Asked <LocalTime iso={r.createdAt} />{r.decidedAt && <> · decided <LocalTime iso={r.decidedAt} /></>}</p>
                  </div>
                  <RequestStatusBadge status={r.status} />
                </div>
                {r.status === "approved" && <p className="mt-2 text-sm text-emerald-800">{r.decider?.name ?? "An admin"} approved it; the credits are in your balance.</p>}
                {r.status === "declined" && <p className="mt-2 text-sm text-red-800">{r.decider?.name ?? "An admin"} declined it: “{r.declineReason}”</p>}
                {r.status === "pending" && <Button size="sm" variant="ghost" className="mt-2" onClick={() => withdraw(r.id)}>Withdraw request</Button>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="new-request-heading" className="space-y-3">
        <h2 id="new-request-heading" className="text-base font-semibold text-slate-900">Request a top-up</h2>
        {!canRequest ? (
          <Alert tone="info">You cannot request top-ups in this workspace.</Alert>
        ) : hasOpen ? (
          <Alert tone="info">Your request is waiting for an answer. You can send another once it is decided or withdrawn.</Alert>
        ) : (
          <RequestTopUpForm workspaceSlug={workspaceSlug} offers={offers} onSent={(text) => { setNotice({ tone: "success", text }); router.refresh(); }} />
        )}
      </section>
    </div>
  );
}

import { prisma } from "@/lib/db";
import { finishTopUpApproval } from "@/lib/requests/finish-topup-approval";
import type { TopUpRequestStatus } from "@/lib/generated/prisma/enums";

export type TTopUpRequestView = {
  id: string;
  requester: { userId: string; name: string; email: string };
  credits: number;
  amountMinor: number;
  currency: string;
  note: string | null;
  status: TopUpRequestStatus;
  decider: { userId: string; name: string } | null;
  declineReason: string | null;
  createdAt: Date;
  decidedAt: Date | null;
};

const LIMIT = 100;

/**
 * Top-up requests of a workspace, newest first: all of them (for deciders) or one member's.
 * Approvals whose payment finished after the browser went away (webhook, reconciliation) are
 * completed here first, so nobody sees a paid request still "approving".
 */
export async function listTopUpRequests(options: { workspaceId: string; requesterId?: string }): Promise<TTopUpRequestView[]> {
  const scope = { workspaceId: options.workspaceId, ...(options.requesterId ? { requesterId: options.requesterId } : {}) };
  const approving = await prisma.topUpRequest.findMany({ where: { ...scope, status: "approving", purchaseId: { not: null } }, select: { id: true } });
  for (const request of approving) await finishTopUpApproval({ workspaceId: options.workspaceId, requestId: request.id });

  const requests = await prisma.topUpRequest.findMany({ where: scope, orderBy: { createdAt: "desc" }, take: LIMIT });
  const userIds = [...new Set(requests.flatMap((r) => [r.requesterId, ...(r.deciderId ? [r.deciderId] : [])]))];
  const users = new Map((await prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } })).map((u) => [u.id, u]));
  return requests.map((r) => {
    const requester = users.get(r.requesterId);
    const decider = r.deciderId ? users.get(r.deciderId) : undefined;
    return {
      id: r.id,
      requester: { userId: r.requesterId, name: requester?.name ?? "Former member", email: requester?.email ?? "" },
      credits: r.credits,
      amountMinor: r.amountMinor,
      currency: r.currency,
      note: r.note,
      status: r.status,
      decider: decider ? { userId: decider.id, name: decider.name } : null,
      declineReason: r.declineReason,
      createdAt: r.createdAt,
      decidedAt: r.decidedAt,
    };
  });
}

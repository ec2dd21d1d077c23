import { prisma } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { startPurchase } from "@/lib/billing/purchases/start-purchase";
import type { TPurchaseView } from "@/lib/billing/purchases/purchase-view";
import { finishTopUpApproval } from "@/lib/requests/finish-topup-approval";

export type TApprover = { userId: string; email: string; name: string; role: string };

/**
 * Approves a member's request by buying its package for them with the approver's card.
 *
 * One charge, however many approvers click at once: the request is claimed with a conditional
 * update (pending → approving) that only one caller can win; the others get `conflict`. The
 * purchase key is derived from the request, so the winner retrying (a double click, a declined
 * saved card followed by a new card, 3-D Secure) resumes the same purchase. When the payment
 * succeeds at once the request is approved and the requester told; otherwise the browser finishes
 * the payment and calls `finishTopUpApproval`.
 */
export async function approveTopUpRequest(options: {
  workspaceId: string;
  requestId: string;
  approver: TApprover;
  payWith: "saved_card" | "new_card";
}): Promise<{ status: "approved" | "approving"; purchase: TPurchaseView }> {
  const claimed = await prisma.topUpRequest.updateMany({
    where: { id: options.requestId, workspaceId: options.workspaceId, status: "pending" },
    data: { status: "approving", deciderId: options.approver.userId },
  });
  const request = await prisma.topUpRequest.findFirst({ where: { id: options.requestId, workspaceId: options.workspaceId } });
  if (!request) throw new AppError("not_found", "No such top-up request in this workspace.");
  if (claimed.count === 0 && !(request.status === "approving" && request.deciderId === options.approver.userId)) {
    throw new AppError("conflict", conflictMessage(request.status));
  }

  let purchase: TPurchaseView;
  try {
    purchase = await startPurchase({
      workspaceId: options.workspaceId,
      buyer: options.approver,
      offerId: request.offerId,
      target: "members",
      memberIds: [request.requesterId],
      payWith: options.payWith,
      // The approver is shown the request's price: the charge is that price or nothing.
      quotedAmountMinor: request.amountMinor,
      idempotencyKey: `topup-request:${request.id}:${request.attempt}`,
    });
  } catch (error) {
    // Refused before any charge (no saved card, plan, offer or requester no longer eligible):
    // give the request back so it can be approved again or declined, under a fresh purchase key
    // (another approver must never resume this approver's purchase). A changed price is written
    // onto the request, so the next approval shows and charges the new one.
    if (!request.purchaseId) {
      const repriced = isAppError(error) && error.details.reason === "price_changed" ? { amountMinor: Number(error.details.amountMinor) } : {};
      await prisma.topUpRequest.updateMany({
        where: { id: request.id, status: "approving", deciderId: options.approver.userId, purchaseId: null },
        data: { status: "pending", deciderId: null, attempt: { increment: 1 }, ...repriced },
      });
    }
    throw error;
  }
  if (!request.purchaseId) await prisma.topUpRequest.update({ where: { id: request.id }, data: { purchaseId: purchase.purchaseId } });
  if (purchase.status !== "succeeded") return { status: "approving", purchase };
  await finishTopUpApproval({ workspaceId: options.workspaceId, requestId: request.id });
  return { status: "approved", purchase };
}

function conflictMessage(status: string): string {
  if (status === "approving") return "Another admin is approving this request right now.";
  if (status === "approved") return "This request was already approved.";
  if (status === "declined") return "This request was already declined.";
  return "This request was withdrawn.";
}

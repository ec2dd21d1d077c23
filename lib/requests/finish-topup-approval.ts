import { prisma } from "@/lib/db";
import { settlePurchase } from "@/lib/billing/purchases/settle-purchase";
import { formatCredits } from "@/lib/format";
import { createNotification } from "@/lib/notify/create-notification";
import { enqueueEmail } from "@/lib/notify/enqueue-email";
import { recordAudit } from "@/lib/audit/record-audit";

/**
 * Settles an approving request's purchase (re-read from the gateway) and, once it succeeded,
 * marks the request approved and tells the requester (in-app and email). Idempotent: the status
 * moves approving → approved once, so a second caller (the browser and a page load) sends nothing.
 * Returns the request's status afterwards.
 */
export async function finishTopUpApproval(options: { workspaceId: string; requestId: string }) {
  const request = await prisma.topUpRequest.findFirst({ where: { id: options.requestId, workspaceId: options.workspaceId } });
  if (!request || request.status !== "approving" || !request.purchaseId) return request?.status ?? null;
  const purchase = await settlePurchase({ workspaceId: options.workspaceId, purchaseId: request.purchaseId });
  if (purchase?.status !== "succeeded") return request.status;

  await prisma.$transaction(async (tx) => {
    const moved = await tx.topUpRequest.updateMany({ where: { id: request.id, status: "approving" }, data: { status: "approved", decidedAt: new Date() } });
    if (moved.count === 0) return false;
    const [workspace, requester, decider] = await Promise.all([
      tx.workspace.findUniqueOrThrow({ where: { id: request.workspaceId } }),
      tx.user.findUniqueOrThrow({ where: { id: request.requesterId } }),
      request.deciderId ? tx.user.findUnique({ where: { id: request.deciderId } }) : null,
    ]);
    const credits = formatCredits(request.credits);
    const by = decider?.name ?? "An admin";
    await createNotification(tx, {
      workspaceId: request.workspaceId,
      userId: request.requesterId,
      kind: "topup_request_approved",
      title: `Your top-up was approved: ${credits} credits added`,
      body: `${by} approved your request. The credits are in your balance now.`,
      href: `/w/${workspace.slug}/requests`,
    });
    await enqueueEmail(
      {
        to: requester.email,
        kind: "topup_request_approved",
        workspaceId: request.workspaceId,
        subject: `Your top-up in ${workspace.name} was approved`,
        text: `Hello ${requester.name},\n\n${by} approved your request: ${credits} credits are now in your balance in ${workspace.name}.\n\nRefill`,
      },
      tx,
    );
    await recordAudit(tx, {
      workspaceId: request.workspaceId,
      actorUserId: request.deciderId ?? undefined,
      action: "topup_request.approved",
      targetType: "topup_request",
      targetId: request.id,
      details: { requesterId: request.requesterId, credits: request.credits, purchaseId: request.purchaseId },
    });
    return true;
  });
  return "approved" as const;
}

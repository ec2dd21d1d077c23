import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formatCredits } from "@/lib/format";
import { createNotification } from "@/lib/notify/create-notification";
import { enqueueEmail } from "@/lib/notify/enqueue-email";
import { recordAudit } from "@/lib/audit/record-audit";

/**
 * Declines a pending request with a reason the member sees (in-app and email). Only a pending
 * request can be declined: one being paid for is refused with `conflict`, so a payment never
 * lands on a declined request.
 */
export async function declineTopUpRequest(options: { workspaceId: string; requestId: string; reason: string; decider: { userId: string; name: string } }) {
  const declined = await prisma.$transaction(async (tx) => {
    const moved = await tx.topUpRequest.updateManyAndReturn({
      where: { id: options.requestId, workspaceId: options.workspaceId, status: "pending" },
      data: { status: "declined", declineReason: options.reason, deciderId: options.decider.userId, decidedAt: new Date() },
    });
    const request = moved[0];
    if (!request) {
      const current = await tx.topUpRequest.findFirst({ where: { id: options.requestId, workspaceId: options.workspaceId } });
      if (!current) throw new AppError("not_found", "No such top-up request in this workspace.");
      throw new AppError("conflict", current.status === "approving" ? "This request is being approved and paid for; it can no longer be declined." : `This request is already ${current.status}.`);
    }
    const [workspace, requester] = await Promise.all([
      tx.workspace.findUniqueOrThrow({ where: { id: options.workspaceId } }),
      tx.user.findUniqueOrThrow({ where: { id: request.requesterId } }),
    ]);
    const credits = formatCredits(request.credits);
    await createNotification(tx, {
      workspaceId: options.workspaceId,
      userId: request.requesterId,
      kind: "topup_request_declined",
      title: `Your request for ${credits} credits was declined`,
      body: `${options.decider.name}: “${options.reason}”`,
      href: `/w/${workspace.slug}/requests`,
    });
    await enqueueEmail(
      {
        to: requester.email,
        kind: "topup_request_declined",
        workspaceId: options.workspaceId,
        subject: `Your top-up request in ${workspace.name} was declined`,
        text: `Hello ${requester.name},\n\n${options.decider.name} declined your request for ${credits} credits in ${workspace.name}.\nReason: ${options.reason}\n\nRefill`,
      },
      tx,
    );
    await recordAudit(tx, {
      workspaceId: options.workspaceId,
      actorUserId: options.decider.userId,
      action: "topup_request.declined",
      targetType: "topup_request",
      targetId: request.id,
      details: { requesterId: request.requesterId, reason: options.reason },
    });
    return request;
  });
  return declined;
}

import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";

/** The requester withdraws their own request while it is still pending. */
export async function cancelTopUpRequest(options: { workspaceId: string; requestId: string; requesterId: string }) {
  return prisma.$transaction(async (tx) => {
    const moved = await tx.topUpRequest.updateMany({
      where: { id: options.requestId, workspaceId: options.workspaceId, requesterId: options.requesterId, status: "pending" },
      data: { status: "canceled", decidedAt: new Date() },
    });
    if (moved.count === 0) {
      const current = await tx.topUpRequest.findFirst({ where: { id: options.requestId, workspaceId: options.workspaceId, requesterId: options.requesterId } });
      if (!current) throw new AppError("not_found", "No such top-up request.");
      throw new AppError("conflict", `This request is already ${current.status} and cannot be withdrawn.`);
    }
    await recordAudit(tx, {
      workspaceId: options.workspaceId,
      actorUserId: options.requesterId,
      action: "topup_request.canceled",
      targetType: "topup_request",
      targetId: options.requestId,
    });
  });
}

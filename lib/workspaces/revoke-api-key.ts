import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";

/** Revokes a key of this workspace; it is refused from the next request on. */
export async function revokeApiKey(options: { workspaceId: string; apiKeyId: string; actorUserId?: string }) {
  return prisma.$transaction(async (tx) => {
    const revoked = await tx.apiKey.updateMany({
      where: { id: options.apiKeyId, workspaceId: options.workspaceId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (revoked.count === 0) throw new AppError("not_found", "No active API key with that id in this workspace.");
    await recordAudit(tx, {
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "api_key.revoked",
      targetType: "api_key",
      targetId: options.apiKeyId,
    });
  });
}

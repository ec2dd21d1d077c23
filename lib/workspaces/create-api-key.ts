import { prisma } from "@/lib/db";
import { newSecretToken, sha256Hex } from "@/lib/auth/secret-token";
import { recordAudit } from "@/lib/audit/record-audit";

/** Creates a workspace API key. The full key is returned this once; only its hash is stored. */
export async function createApiKey(options: { workspaceId: string; name: string; createdById?: string; key?: string }) {
  const key = options.key ?? newSecretToken("rf_live_", 24);
  return prisma.$transaction(async (tx) => {
    const apiKey = await tx.apiKey.create({
      data: {
        workspaceId: options.workspaceId,
        name: options.name,
        prefix: key.slice(0, 12),
        keyHash: sha256Hex(key),
        createdById: options.createdById,
      },
    });
    await recordAudit(tx, {
      workspaceId: options.workspaceId,
      actorUserId: options.createdById,
      action: "api_key.created",
      targetType: "api_key",
      targetId: apiKey.id,
      details: { name: options.name, prefix: apiKey.prefix },
    });
    return { id: apiKey.id, name: apiKey.name, prefix: apiKey.prefix, key };
  });
}

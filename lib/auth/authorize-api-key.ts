import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { sha256Hex } from "@/lib/auth/secret-token";

export type TApiKeyActor = { kind: "api_key"; apiKeyId: string; workspaceId: string };

const LAST_USED_WRITE_INTERVAL_MS = 60_000;

/**
 * Authenticates `Authorization: Bearer <key>`: the key's hash must match a key that is not
 * revoked. A key acts only in its own workspace. Revocation takes effect on the next request.
 */
export async function authorizeApiKey(authorizationHeader: string | null): Promise<TApiKeyActor> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorizationHeader ?? "");
  if (!match) throw new AppError("unauthorized", "Send a workspace API key as `Authorization: Bearer <key>`.");
  const key = await prisma.apiKey.findUnique({ where: { keyHash: sha256Hex(match[1]) } });
  if (!key || key.revokedAt) throw new AppError("unauthorized", "This API key is not valid or has been revoked.");
  if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > LAST_USED_WRITE_INTERVAL_MS) {
    // Best effort and throttled: a busy key must not turn every request into a write.
    void prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } }).catch(() => undefined);
  }
  return { kind: "api_key", apiKeyId: key.id, workspaceId: key.workspaceId };
}

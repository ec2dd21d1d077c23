import { pgPool } from "@/lib/db";
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
  // Every API request runs this: one indexed lookup straight on the pool, no ORM round trips.
  const { rows } = await pgPool().query<{ id: string; workspace_id: string; revoked_at: Date | null; last_used_at: Date | null }>(
    "SELECT id, workspace_id, revoked_at, last_used_at FROM api_keys WHERE key_hash = $1",
    [sha256Hex(match[1])],
  );
  const key = rows[0];
  if (!key || key.revoked_at) throw new AppError("unauthorized", "This API key is not valid or has been revoked.");
  if (!key.last_used_at || Date.now() - key.last_used_at.getTime() > LAST_USED_WRITE_INTERVAL_MS) {
    // Best effort and throttled: a busy key must not turn every request into a write.
    void pgPool().query("UPDATE api_keys SET last_used_at = now() WHERE id = $1", [key.id]).catch(() => undefined);
  }
  return { kind: "api_key", apiKeyId: key.id, workspaceId: key.workspace_id };
}

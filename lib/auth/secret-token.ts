import { createHash, randomBytes } from "node:crypto";

/** A random URL-safe token with a readable prefix, e.g. `rf_live_…` for API keys. */
export function newSecretToken(prefix: string, bytes = 24): string {
  return `${prefix}${randomBytes(bytes).toString("base64url")}`;
}

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

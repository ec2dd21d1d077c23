import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** A random base62 string; the modulo bias (256 % 62) is irrelevant for test identifiers. */
export function randomToken(length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return out;
}

export type IdPrefix = "cus" | "pm" | "pi" | "seti" | "ch" | "evt" | "in" | "we" | "req" | "whsec" | "wd";

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomToken(24)}`;
}

export function newClientSecret(intentId: string): string {
  return `${intentId}_secret_${randomToken(24)}`;
}

/** The intent id a client secret belongs to (`pi_123_secret_abc` → `pi_123`). */
export function intentIdFromClientSecret(secret: string): string | null {
  const index = secret.indexOf("_secret_");
  return index > 0 ? secret.slice(0, index) : null;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

import { createHash } from "node:crypto";
import { idempotencyError, idempotencyInFlight, invalidRequest } from "./errors";
import type { ParamValue, Params } from "./form-body";

export interface StoredResponse {
  status: number;
  body: string;
}

interface Entry {
  method: string;
  path: string;
  paramsHash: string;
  storedAt: number;
  /** Null while the first request with this key is still running. */
  response: StoredResponse | null;
}

export type IdempotencyTicket =
  | { kind: "replay"; response: StoredResponse }
  | { kind: "new"; finish: (response: StoredResponse | null) => void };

const MAX_KEY_LENGTH = 255;
const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000;

function canonical(value: ParamValue): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(",")}}`;
}

/**
 * Stripe's idempotent requests: results kept per (API key, Idempotency-Key) for 24 hours.
 * The same key again replays the stored response; with other parameters or on another endpoint
 * it is an `idempotency_error`; while the first request runs, a 409.
 */
export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly ttlMs = DEFAULT_TTL_MS) {}

  begin(scope: string, key: string, method: string, path: string, params: Params): IdempotencyTicket {
    if (key.length > MAX_KEY_LENGTH) {
      throw invalidRequest(`Idempotency-Key must be at most ${MAX_KEY_LENGTH} characters long.`, { param: "Idempotency-Key" });
    }
    this.prune();
    const id = `${scope}\u0000${key}`;
    const paramsHash = createHash("sha256").update(canonical(params)).digest("hex");
    const existing = this.entries.get(id);
    if (existing) {
      if (existing.method !== method || existing.path !== path) {
        throw idempotencyError(
          `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${existing.method} ${existing.path}' vs '${method} ${path}'). Try using a key other than '${key}' if you meant to execute a different request.`,
        );
      }
      if (existing.paramsHash !== paramsHash) {
        throw idempotencyError(
          `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
        );
      }
      if (!existing.response) throw idempotencyInFlight();
      return { kind: "replay", response: existing.response };
    }
    const entry: Entry = { method, path, paramsHash, storedAt: Date.now(), response: null };
    this.entries.set(id, entry);
    return {
      kind: "new",
      finish: (response) => {
        if (response) entry.response = response;
        else this.entries.delete(id);
      },
    };
  }

  clear(): void {
    this.entries.clear();
  }

  private prune(): void {
    const oldest = Date.now() - this.ttlMs;
    for (const [id, entry] of this.entries) {
      if (entry.storedAt < oldest && entry.response) this.entries.delete(id);
    }
  }
}

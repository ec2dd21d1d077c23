import { invalidRequest, missingParam } from "./errors";
import type { ParamValue, Params } from "./form-body";
import type { Metadata } from "./types";

// Typed readers over parsed parameters. "" (an empty form value) reads as `null`: unset.

/** Parameters every endpoint accepts: expansion, and the browser's publishable-key credentials. */
const ALWAYS_KNOWN = new Set(["expand", "key", "client_secret", "_stripe_version", "_stripe_account"]);

/** Stripe accepts parameters it does not know in this sandbox's subset: log them, never reject. */
export function logUnknownParams(params: Params, known: readonly string[], endpoint: string, log: (message: string) => void): void {
  const unknown = Object.keys(params).filter((key) => !known.includes(key) && !ALWAYS_KNOWN.has(key));
  if (unknown.length > 0) log(`${endpoint}: ignoring parameters not simulated by the sandbox: ${unknown.join(", ")}`);
}

export function readString(params: Params, key: string): string | null | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw invalidRequest(`Invalid ${key}: must be a string.`, { param: key, code: "parameter_invalid_string" });
  return value === "" ? null : value;
}

export function requireString(params: Params, key: string): string {
  const value = readString(params, key);
  if (value === undefined || value === null) throw missingParam(key);
  return value;
}

export function readInteger(params: Params, key: string): number | undefined {
  const value = readString(params, key);
  if (value === undefined || value === null) return undefined;
  if (!/^-?\d+$/.test(value)) throw invalidRequest(`Invalid integer: ${value}`, { param: key, code: "parameter_invalid_integer" });
  return Number(value);
}

export function readBoolean(params: Params, key: string): boolean | undefined {
  const value = readString(params, key);
  if (value === undefined || value === null) return undefined;
  if (value === "true") return true;
  if (value === "false") return false;
  throw invalidRequest(`Invalid boolean: ${value}`, { param: key, code: "parameter_invalid_boolean" });
}

export function readObject(params: Params, key: string): Params | null | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (value === "") return null;
  if (typeof value === "string" || Array.isArray(value)) throw invalidRequest(`Invalid object: ${key}`, { param: key });
  return value;
}

function toStringList(value: ParamValue): string[] {
  if (typeof value === "string") return value === "" ? [] : [value];
  const items = Array.isArray(value) ? value : Object.values(value); // `a[0]=x` parsed as an object by JSON callers
  return items.filter((item): item is string => typeof item === "string" && item !== "");
}

export function readStringList(params: Params, key: string): string[] | undefined {
  const value = params[key];
  return value === undefined ? undefined : toStringList(value);
}

export function readEnum<T extends string>(params: Params, key: string, allowed: readonly T[]): T | null | undefined {
  const value = readString(params, key);
  if (value === undefined || value === null) return value;
  if (!(allowed as readonly string[]).includes(value)) {
    throw invalidRequest(`Invalid ${key}: must be one of ${allowed.join(", ")}`, { param: key, code: "parameter_invalid_enum" });
  }
  return value as T;
}

/** Applies `metadata` as Stripe does: `metadata=` clears it, `metadata[k]=` removes one key. */
export function applyMetadata(current: Metadata, params: Params): Metadata {
  const value = params.metadata;
  if (value === undefined) return current;
  if (value === "") return {};
  if (typeof value === "string" || Array.isArray(value)) throw invalidRequest("Invalid metadata: must be an object.", { param: "metadata" });
  const next: Metadata = { ...current };
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== "string") throw invalidRequest(`Invalid metadata[${key}]: must be a string.`, { param: `metadata[${key}]` });
    if (entry === "") delete next[key];
    else next[key] = entry;
  }
  return next;
}

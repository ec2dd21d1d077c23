import { createHash } from "node:crypto";
import { pgPool } from "@/lib/db";
import { AppError, ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import { roleAllows } from "@/lib/auth/permissions";

export type TLedgerFunction =
  | "credits_spend"
  | "credits_spend_many"
  | "credits_settle_hold"
  | "credits_refund"
  | "credits_grant"
  | "credits_balance";
export type TLedgerOutcome<T> = { status: number; body: T; replayed: boolean };
export type TRawResult = { status?: number; body?: unknown; replayed?: boolean; error?: { code: string; message: string } };

/** Roles allowed to spend, from the one permission table, passed to the SQL functions. */
export const SPEND_ROLES = ["owner", "admin", "member", "viewer"].filter((role) => roleAllows(role, "credits:spend"));

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Identifies a request body for idempotent replays: same key + same hash → the first response. */
export function requestHash(body: unknown): string {
  return createHash("sha256").update(stableJson(body)).digest("hex");
}

/** One ledger function call: one round trip, one transaction (a prepared statement). */
export async function callLedgerRaw<R>(fn: TLedgerFunction, params: Record<string, unknown>): Promise<R> {
  const { rows } = await pgPool().query<{ result: R }>({
    // Named (prepared once per connection); the pool drops the name on the embedded database.
    name: fn,
    text: `SELECT ${fn}($1::jsonb) AS result`,
    values: [JSON.stringify(params)],
  });
  return rows[0].result;
}

function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_STATUS, code);
}

/**
 * Turns a ledger function's `{error}` result into an AppError. A code outside the closed set is
 * a bug in the SQL, not a caller's mistake: it surfaces as an internal error, never as a status.
 */
export function unwrapLedgerResult<T>(result: TRawResult): TLedgerOutcome<T> {
  if (result.error) {
    const { code, message, ...details } = result.error;
    if (!isErrorCode(code)) throw new Error(`ledger function returned an unknown error code: ${code}`);
    throw new AppError(code, message, details);
  }
  return { status: result.status ?? 200, body: result.body as T, replayed: result.replayed === true };
}

/** Calls a ledger function and unwraps its result. */
export async function callLedger<T>(fn: TLedgerFunction, params: Record<string, unknown>): Promise<TLedgerOutcome<T>> {
  return unwrapLedgerResult<T>(await callLedgerRaw<TRawResult>(fn, { spendRoles: SPEND_ROLES, ...params }));
}

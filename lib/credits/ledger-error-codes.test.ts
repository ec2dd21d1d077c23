import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { unwrapLedgerResult } from "@/lib/credits/ledger-call";
import { AppError, ERROR_STATUS } from "@/lib/errors";

const FUNCTIONS_DIR = path.join(process.cwd(), "prisma/sql/functions");

/** Every error code the ledger's SQL can return: the first argument of each credits_error call. */
function sqlErrorCodes(): string[] {
  const codes = new Set<string>();
  for (const file of readdirSync(FUNCTIONS_DIR)) {
    for (const match of readFileSync(path.join(FUNCTIONS_DIR, file), "utf8").matchAll(/credits_error\('([a-z_]+)'/g)) codes.add(match[1]);
  }
  return [...codes].sort();
}

describe("the ledger's error codes", () => {
  it("are each one of the closed set TypeScript maps to an HTTP status", () => {
    const codes = sqlErrorCodes();
    expect(codes.length).toBeGreaterThanOrEqual(10);
    expect(codes.filter((code) => !(code in ERROR_STATUS))).toEqual([]);
  });

  it("become AppErrors with their status; an unknown code is an internal error, not a status", () => {
    const insufficient = () => unwrapLedgerResult({ error: { code: "insufficient_credits", message: "Not enough credits." } });
    expect(insufficient).toThrow(AppError);
    expect(() => unwrapLedgerResult({ error: { code: "made_up", message: "?" } })).toThrow("unknown error code: made_up");
    expect(() => unwrapLedgerResult({ error: { code: "toString", message: "?" } })).toThrow("unknown error code");
  });
});

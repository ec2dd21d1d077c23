import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { prisma, pgPool } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { resetDatabase } from "@/test/reset-database";
import { createCreditsWorkspace } from "@/prisma/seed/credits";
import { debitCredits } from "@/lib/credits/debit-credits";
import { holdCredits } from "@/lib/credits/hold-credits";
import { captureHold } from "@/lib/credits/capture-hold";
import { releaseHold } from "@/lib/credits/release-hold";
import { refundUsage } from "@/lib/credits/refund-usage";
import { grantCredits } from "@/lib/credits/grant-credits";
import { getBalance } from "@/lib/credits/get-balance";
import { expireGrants } from "@/lib/credits/expire-grants";
import { expireHolds } from "@/lib/credits/expire-holds";
import { pauseSpending } from "@/lib/credits/pause-spending";
import { resumeSpending } from "@/lib/credits/resume-spending";
import { setPoolShare } from "@/lib/credits/set-pool-share";
import { verifyLedger } from "@/lib/credits/verify-ledger";
import { callLedger } from "@/lib/credits/ledger-call";

const EXPECTED_CODES = new Set([
  "insufficient_credits", "credits_paused", "idempotency_conflict", "exceeds_hold", "hold_not_active",
  "refund_exceeds_usage", "already_refunded", "forbidden",
]);

describe("ledger under concurrency", () => {
  beforeAll(resetDatabase);

  it("64 concurrent debits on one member: exactly ⌊A/c⌋ succeed, the rest get 402", async () => {
    const { workspace, users } = await createCreditsWorkspace(prisma, { label: "race", policy: { ledger: { starterCredits: 0 } } });
    const [A, c] = [1_000, 37];
    await grantCredits({ workspaceId: workspace.id, member: users.member.id, credits: A, source: "top_up", expiresAt: null, memo: "A", idempotencyKey: "A" });
    const results = await Promise.allSettled(
      Array.from({ length: 64 }, (_, i) =>
        debitCredits({ workspaceId: workspace.id, member: users.member.id, feature: "ai_clip", credits: c, idempotencyKey: `d${i}` }),
      ),
    );
    const wins = results.filter((r) => r.status === "fulfilled").length;
    const losses = results.filter((r) => r.status === "rejected" && (r.reason as { code?: string }).code === "insufficient_credits").length;
    expect([wins, losses]).toEqual([Math.floor(A / c), 64 - Math.floor(A / c)]);
    expect((await getBalance({ workspaceId: workspace.id, member: users.member.id })).available).toBe(A - wins * c);
    expect((await verifyLedger(workspace.id)).problems).toEqual([]);
  });

  it("64 concurrent debits as independent transactions (no combining): the database lock alone keeps it exact", async () => {
    const { workspace, users } = await createCreditsWorkspace(prisma, { label: "race-db", policy: { ledger: { starterCredits: 0 } } });
    const [A, c] = [500, 9];
    await grantCredits({ workspaceId: workspace.id, member: users.member.id, credits: A, source: "top_up", expiresAt: null, memo: "A", idempotencyKey: "A" });
    const results = await Promise.allSettled(
      Array.from({ length: 64 }, (_, i) =>
        callLedger("credits_spend", {
          mode: "usage", workspaceId: workspace.id, member: users.member.id, feature: "ai_clip", credits: c, idempotencyKey: `d${i}`, requestHash: `h${i}`,
        }),
      ),
    );
    const wins = results.filter((r) => r.status === "fulfilled").length;
    expect(wins).toBe(Math.floor(A / c));
    expect((await getBalance({ workspaceId: workspace.id, member: users.member.id })).available).toBe(A - wins * c);
    expect((await verifyLedger(workspace.id)).problems).toEqual([]);
  });

  const member = fc.constantFrom("member", "admin", "owner", "viewer");
  const amount = fc.integer({ min: 1, max: 60 });
  const command = fc.oneof(
    fc.record({ op: fc.constant("grant" as const), member: fc.option(member, { nil: null }), credits: amount, expiring: fc.boolean() }),
    fc.record({ op: fc.constant("debit" as const), member, credits: amount, key: fc.integer({ min: 0, max: 5 }) }),
    fc.record({ op: fc.constant("hold" as const), member, credits: amount, short: fc.boolean() }),
    fc.record({ op: fc.constant("capture" as const), pick: fc.nat(), credits: amount }),
    fc.record({ op: fc.constant("release" as const), pick: fc.nat() }),
    fc.record({ op: fc.constant("refund" as const), pick: fc.nat(), credits: fc.option(amount, { nil: undefined }) }),
    fc.record({ op: fc.constant("expire" as const) }),
    fc.record({ op: fc.constant("pause" as const), on: fc.boolean() }),
    fc.record({ op: fc.constant("share" as const), cap: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }) }),
  );
  type TCommand = typeof command extends fc.Arbitrary<infer T> ? T : never;

  it("random grant/debit/hold/capture/release/refund/expire/pause by 4 workers keep every invariant (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(command, { minLength: 5, maxLength: 25 }), { minLength: 4, maxLength: 4 }), async (workers) => {
        const { workspace, users } = await createCreditsWorkspace(prisma, { label: "prop" });
        const ws = workspace.id;
        const holds: string[] = [];
        const usages: string[] = [];
        const debits = new Map<string, { member: string; credits: number; result: unknown }>();
        const run = async (cmd: TCommand, worker: number) => {
          const key = crypto.randomUUID();
          switch (cmd.op) {
            case "grant":
              return grantCredits({ workspaceId: ws, member: cmd.member && users[cmd.member as keyof typeof users].id, credits: cmd.credits, source: "top_up", expiresAt: cmd.expiring ? new Date(Date.now() + 30) : null, memo: "g", idempotencyKey: key });
            case "debit": {
              const idem = `w${worker}-k${cmd.key}`;
              const body = { member: users[cmd.member as keyof typeof users].id, credits: cmd.credits };
              const result = await debitCredits({ workspaceId: ws, feature: "chat_reply", idempotencyKey: idem, ...body });
              usages.push(result.id);
              if (!debits.has(idem)) debits.set(idem, { ...body, result });
              return result;
            }
            case "hold": {
              const result = await holdCredits({ workspaceId: ws, member: users[cmd.member as keyof typeof users].id, feature: "ai_clip", credits: cmd.credits, idempotencyKey: key, expiresInSeconds: cmd.short ? 1 : 600 });
              holds.push(result.id);
              return result;
            }
            case "capture":
              if (holds.length === 0) return;
              return captureHold({ workspaceId: ws, holdId: holds[cmd.pick % holds.length], credits: cmd.credits }).then((r) => (usages.push(r.id), r));
            case "release":
              if (holds.length === 0) return;
              return releaseHold({ workspaceId: ws, holdId: holds[cmd.pick % holds.length] });
            case "refund":
              if (usages.length === 0) return;
              return refundUsage({ workspaceId: ws, usageId: usages[cmd.pick % usages.length], credits: cmd.credits, reason: "r" });
            case "expire":
              await expireGrants({ now: new Date() });
              return expireHolds({ now: new Date() });
            case "pause":
              return cmd.on ? pauseSpending({ workspaceId: ws, reason: "test" }) : resumeSpending({ workspaceId: ws });
            case "share":
              return setPoolShare({ workspaceId: ws, member: users.member.id, capPerCycle: cmd.cap });
          }
        };
        await Promise.all(
          workers.map(async (commands, worker) => {
            for (const cmd of commands) {
              await run(cmd, worker).catch((error) => {
                if (!isAppError(error) || !EXPECTED_CODES.has(error.code)) throw error;
              });
            }
          }),
        );
        const verification = await verifyLedger(ws);
        expect(verification.problems).toEqual([]);
        const entriesBefore = await prisma.creditLedgerEntry.count({ where: { workspaceId: ws } });
        await resumeSpending({ workspaceId: ws });
        for (const [idem, first] of debits) {
          const replay = await debitCredits({ workspaceId: ws, feature: "chat_reply", idempotencyKey: idem, member: first.member, credits: first.credits });
          expect(replay).toEqual(first.result);
        }
        expect(await prisma.creditLedgerEntry.count({ where: { workspaceId: ws } })).toBe(entriesBefore);
        const { rows } = await pgPool().query("SELECT count(*)::int AS n FROM credit_grants WHERE workspace_id = $1 AND remaining < 0", [ws]);
        expect(rows[0].n).toBe(0);
      }),
      { numRuns: 12 },
    );
  });
});

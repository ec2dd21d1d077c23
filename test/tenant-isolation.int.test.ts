import { beforeAll, describe, expect, it } from "vitest";
import { prisma, pgPool } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { createCreditsWorkspace } from "@/prisma/seed/credits";
import { ensureApiKey } from "@/prisma/seed/identity";
import { grantCredits } from "@/lib/credits/grant-credits";
import { debitCredits } from "@/lib/credits/debit-credits";
import { holdCredits } from "@/lib/credits/hold-credits";
import * as usageRoute from "@/app/api/v1/usage/route";
import * as balanceRoute from "@/app/api/v1/balance/route";
import * as grantsRoute from "@/app/api/v1/grants/route";
import * as reservationsRoute from "@/app/api/v1/reservations/route";
import * as captureRoute from "@/app/api/v1/reservations/[id]/capture/route";
import * as releaseRoute from "@/app/api/v1/reservations/[id]/release/route";
import * as refundRoute from "@/app/api/v1/usage/[id]/refund/route";
import * as eventsRoute from "@/app/api/v1/events/route";
import * as estimateRoute from "@/app/api/v1/estimate/route";
import * as memberRoute from "@/app/api/v1/members/[member]/route";

type THandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Counts of every table an API call could write, to prove a refused call wrote nothing. */
async function snapshot() {
  const { rows } = await pgPool().query<{ grants: string; entries: string; usages: string; members: string; keys: string }>(
    `SELECT (SELECT count(*) FROM credit_grants)::text AS grants, (SELECT count(*) FROM credit_ledger_entries)::text AS entries,
            (SELECT count(*) FROM credit_usages)::text AS usages,
            (SELECT string_agg(role::text, ',' ORDER BY id) FROM memberships) AS members,
            (SELECT count(*) FROM idempotency_records)::text AS keys`,
  );
  return rows[0];
}

describe("tenant isolation: a workspace key never reaches another workspace", () => {
  let key = "";
  let theirs: { memberId: string; memberEmail: string; usageId: string; holdId: string };

  beforeAll(async () => {
    await resetDatabase();
    const mine = await createCreditsWorkspace(prisma, { label: "mine" });
    const other = await createCreditsWorkspace(prisma, { label: "theirs", policy: { ledger: { starterCredits: 0 } } });
    key = `rk_test_${crypto.randomUUID()}`;
    await ensureApiKey(prisma, { workspaceId: mine.workspace.id, key, name: "mine" });
    const workspaceId = other.workspace.id;
    await grantCredits({ workspaceId, member: other.users.member.id, credits: 1000, source: "promotional", memo: "seed", idempotencyKey: "seed-theirs" });
    const usage = await debitCredits({ workspaceId, member: other.users.member.id, feature: "chat_reply", credits: 5, idempotencyKey: "their-usage" });
    const hold = await holdCredits({ workspaceId, member: other.users.member.id, feature: "chat_reply", credits: 5, idempotencyKey: "their-hold" });
    theirs = { memberId: other.users.member.id, memberEmail: other.users.member.email, usageId: usage.id, holdId: hold.id };
  });

  async function call(handler: THandler, options: { method?: string; path?: string; body?: unknown; params?: Record<string, string> }) {
    const request = new Request(`http://test${options.path ?? "/"}`, {
      method: options.method ?? "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
    return { status: response.status, body: await response.json() };
  }

  it("answers 404 not_found for every endpoint given another workspace's member, usage or hold, and writes nothing", async () => {
    const before = await snapshot();
    const attempts: [string, Promise<{ status: number; body: { error?: { code: string } } }>][] = [];
    for (const member of [() => theirs.memberId, () => theirs.memberEmail]) {
      attempts.push(
        ["balance", call(balanceRoute.GET as THandler, { method: "GET", path: `/api/v1/balance?member=${encodeURIComponent(member())}` })],
        ["usage", call(usageRoute.POST as THandler, { body: { member: member(), feature: "chat_reply", credits: 1, idempotencyKey: crypto.randomUUID() } })],
        ["reservation", call(reservationsRoute.POST as THandler, { body: { member: member(), feature: "chat_reply", credits: 1, idempotencyKey: crypto.randomUUID() } })],
        ["grant", call(grantsRoute.POST as THandler, { body: { member: member(), credits: 5, source: "promotional", memo: "x", idempotencyKey: crypto.randomUUID() } })],
        ["events", call(eventsRoute.GET as THandler, { method: "GET", path: `/api/v1/events?member=${encodeURIComponent(member())}` })],
        ["estimate", call(estimateRoute.POST as THandler, { body: { member: member(), items: [{ feature: "chat_reply", quantity: 1 }] } })],
        ["role change", call(memberRoute.PATCH as THandler, { method: "PATCH", body: { role: "viewer" }, params: { member: member() } })],
      );
    }
    attempts.push(
      ["capture", call(captureRoute.POST as THandler, { body: { credits: 1 }, params: { id: theirs.holdId } })],
      ["release", call(releaseRoute.POST as THandler, { body: {}, params: { id: theirs.holdId } })],
      ["refund", call(refundRoute.POST as THandler, { body: { reason: "steal" }, params: { id: theirs.usageId } })],
    );
    for (const [name, attempt] of attempts) {
      const { status, body } = await attempt;
      expect([name, status, body.error?.code]).toEqual([name, 404, "not_found"]);
    }
    expect(await snapshot()).toEqual(before);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { createCreditsWorkspace } from "@/prisma/seed/credits";
import { ensureApiKey } from "@/prisma/seed/identity";
import * as usageRoute from "@/app/api/v1/usage/route";
import * as balanceRoute from "@/app/api/v1/balance/route";
import * as grantsRoute from "@/app/api/v1/grants/route";
import * as reservationsRoute from "@/app/api/v1/reservations/route";
import * as captureRoute from "@/app/api/v1/reservations/[id]/capture/route";
import * as refundRoute from "@/app/api/v1/usage/[id]/refund/route";
import * as eventsRoute from "@/app/api/v1/events/route";
import * as featuresRoute from "@/app/api/v1/features/route";
import * as estimateRoute from "@/app/api/v1/estimate/route";
import * as membersRoute from "@/app/api/v1/members/route";
import * as memberRoute from "@/app/api/v1/members/[member]/route";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type THandler = (request: Request, context: { params: Promise<any> }) => Promise<Response>;
let key = "";
let otherKey = "";
let users: Awaited<ReturnType<typeof createCreditsWorkspace>>["users"];

async function call(handler: THandler, options: { method?: string; path?: string; body?: unknown; raw?: string; params?: Record<string, string>; auth?: string | null } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  const auth = options.auth === undefined ? key : options.auth;
  if (auth) headers.authorization = `Bearer ${auth}`;
  const request = new Request(`http://test${options.path ?? "/"}`, {
    method: options.method ?? "POST",
    headers,
    body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

describe("HTTP API v1", () => {
  beforeAll(async () => {
    await resetDatabase();
    const demo = await createCreditsWorkspace(prisma, { label: "api", policy: { ledger: { starterCredits: 0 } } });
    const other = await createCreditsWorkspace(prisma, { label: "api-other" });
    users = demo.users;
    key = `rk_test_${crypto.randomUUID()}`;
    otherKey = `rk_test_${crypto.randomUUID()}`;
    await ensureApiKey(prisma, { workspaceId: demo.workspace.id, key, name: "t" });
    await ensureApiKey(prisma, { workspaceId: other.workspace.id, key: otherKey, name: "t" });
  });

  it("follows the rule order: 401, 413, 400 naming the field, 404, 400 feature, 403, 402", async () => {
    expect((await call(usageRoute.POST, { auth: null, body: {} })).status).toBe(401);
    expect((await call(usageRoute.POST, { raw: JSON.stringify({ x: "a".repeat(70_000) }) })).status).toBe(413);
    expect((await call(usageRoute.POST, { raw: "{nope" })).body.error.code).toBe("invalid_request");
    const base = { member: users.member.email, feature: "chat_reply", credits: 5, idempotencyKey: "k1" };
    const bad = await call(usageRoute.POST, { body: { ...base, credits: 1.5 } });
    expect([bad.status, bad.body.error.field]).toEqual([400, "credits"]);
    expect((await call(usageRoute.POST, { body: { ...base, idempotencyKey: "x".repeat(256) } })).body.error.field).toBe("idempotencyKey");
    expect((await call(usageRoute.POST, { body: base, auth: otherKey })).status).toBe(404);
    const feature = await call(usageRoute.POST, { body: { ...base, feature: "teleport" } });
    expect([feature.status, feature.body.error.code]).toEqual([400, "invalid_request"]);
    expect((await call(usageRoute.POST, { body: { ...base, member: users.viewer.email } })).status).toBe(403);
    const short = await call(usageRoute.POST, { body: base });
    expect(short).toMatchObject({ status: 402, body: { error: { code: "insufficient_credits", available: 0, required: 5 } } });
  });

  it("grants, captures usage, replays by key and refuses a different body with 409", async () => {
    const grant = await call(grantsRoute.POST, {
      body: { member: users.member.email, credits: 100, source: "top_up", memo: "Welcome", idempotencyKey: "g1" },
    });
    expect(grant).toMatchObject({ status: 201, body: { credits: 100, source: "top_up" } });
    const body = { member: users.member.email, feature: "chat_reply", credits: 5, idempotencyKey: "k1", group: "campaign-7" };
    const first = await call(usageRoute.POST, { body });
    expect(first).toMatchObject({ status: 201, body: { status: "captured", credits: 5, available: 95, drawn: [{ source: "top_up", credits: 5 }] } });
    expect(await call(usageRoute.POST, { body })).toMatchObject({ status: 201, body: first.body });
    expect((await call(usageRoute.POST, { body: { ...body, credits: 6 } })).body.error.code).toBe("idempotency_conflict");
    const balance = await call(balanceRoute.GET, { method: "GET", path: `/api/v1/balance?member=${users.member.email}` });
    expect(balance.body).toEqual({ member: users.member.email, available: 95, buckets: [{ source: "top_up", remaining: 95, expiresAt: null, paused: false }] });
    const refund = await call(refundRoute.POST, { params: { id: first.body.id }, body: { reason: "bad answer" } });
    expect(refund).toMatchObject({ status: 200, body: { credits: 5, available: 100 } });
    expect((await call(refundRoute.POST, { params: { id: first.body.id }, body: { reason: "again" } })).body.error.code).toBe("already_refunded");
  });

  it("holds and captures, with 409s for exceeding or repeating", async () => {
    const hold = await call(reservationsRoute.POST, { body: { member: users.member.id, feature: "ai_clip", credits: 20, idempotencyKey: "h1" } });
    expect(hold).toMatchObject({ status: 201, body: { status: "held", credits: 20 } });
    expect((await call(captureRoute.POST, { params: { id: hold.body.id }, body: { credits: 21 } })).body.error.code).toBe("exceeds_hold");
    expect(await call(captureRoute.POST, { params: { id: hold.body.id }, body: { credits: 12 } })).toEqual({
      status: 200,
      body: { id: hold.body.id, status: "captured", credits: 12 },
      headers: expect.anything(),
    });
    expect((await call(captureRoute.POST, { params: { id: hold.body.id }, body: { credits: 1 } })).body.error.code).toBe("hold_not_active");
    expect((await call(captureRoute.POST, { params: { id: hold.body.id }, body: { credits: 1 }, auth: otherKey })).status).toBe(404);
  });

  it("pages events newest first with a cursor, lists features and estimates", async () => {
    const page1 = await call(eventsRoute.GET, { method: "GET", path: `/api/v1/events?member=${users.member.email}&limit=2` });
    expect(page1.body.events).toHaveLength(2);
    const page2 = await call(eventsRoute.GET, { method: "GET", path: `/api/v1/events?member=${users.member.email}&limit=2&cursor=${page1.body.nextCursor}` });
    expect(BigInt(page2.body.events[0].id)).toBeLessThan(BigInt(page1.body.events[1].id));
    const features = await call(featuresRoute.GET, { method: "GET" });
    expect(features.body.features[0]).toEqual({ key: "chart_summary", name: "Chart summary", unit: "summary", credits: { fast: 2, balanced: 4, premium: 8 } });
    const estimate = await call(estimateRoute.POST, { body: { member: users.member.email, items: [{ feature: "ai_clip", quantity: 10, quality: "premium" }, { feature: "chat_reply", quantity: 3 }] } });
    expect(estimate.body).toMatchObject({ total: 203, available: 88, after: -115 });
  });

  it("provisions members and changes roles", async () => {
    const created = await call(membersRoute.POST, { body: { email: "New@Example.test", role: "member" } });
    expect(created).toMatchObject({ status: 201, body: { email: "new@example.test", role: "member" } });
    expect((await call(membersRoute.POST, { body: { email: "new@example.test", role: "admin" } })).status).toBe(200);
    const changed = await call(memberRoute.PATCH, { method: "PATCH", params: { member: "new@example.test" }, body: { role: "viewer" } });
    expect(changed).toMatchObject({ status: 200, body: { role: "viewer" } });
    expect((await call(memberRoute.PATCH, { method: "PATCH", params: { member: users.member.email }, body: { role: "viewer" }, auth: otherKey })).status).toBe(404);
  });

  it("limits each key: beyond the burst, 429 with Retry-After", async () => {
    let limited: Awaited<ReturnType<typeof call>> | undefined;
    for (let i = 0; i < 1000 && !limited; i++) {
      const response = await call(featuresRoute.GET, { method: "GET", auth: otherKey });
      if (response.status === 429) limited = response;
    }
    expect(limited?.body.error.code).toBe("rate_limited");
    expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

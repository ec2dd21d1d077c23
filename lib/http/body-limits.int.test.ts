import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { createCreditsWorkspace } from "@/prisma/seed/credits";
import { ensureApiKey } from "@/prisma/seed/identity";
import * as usageRoute from "@/app/api/v1/usage/route";
import * as eventsRoute from "@/app/api/v1/events/route";
import * as webhookRoute from "@/app/api/webhooks/stripe/route";

// Attacks on the request readers: bodies sent chunked (no Content-Length) that never stop
// must be cut off at the limit, and inputs the database cannot hold must be refused as 400.
const CHUNK = 16 * 1024;
let key = "";
let member = "";
let workspaceId = "";

/** A chunked body of `total` bytes; `pulled()` says how many chunks the server asked for. */
function endlessBody(total: number) {
  let sent = 0;
  let chunks = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      chunks += 1;
      sent += CHUNK;
      controller.enqueue(new TextEncoder().encode(chunks === 1 ? `{"x":"${"a".repeat(CHUNK - 6)}` : "a".repeat(CHUNK)));
    },
  });
  return { stream, pulled: () => chunks };
}

function streamed(url: string, stream: ReadableStream<Uint8Array>, headers: Record<string, string>) {
  return new Request(url, { method: "POST", headers, body: stream, duplex: "half" } as RequestInit & { duplex: "half" });
}

async function get(query: string) {
  const request = new Request(`http://test/api/v1/events${query}`, { headers: { authorization: `Bearer ${key}` } });
  const response = await eventsRoute.GET(request, { params: Promise.resolve({}) });
  return { status: response.status, body: await response.json() };
}

describe("request bodies and inputs", () => {
  beforeAll(async () => {
    await resetDatabase();
    const ws = await createCreditsWorkspace(prisma, { label: "limits" });
    key = `rk_test_${crypto.randomUUID()}`;
    member = ws.users.member.email;
    workspaceId = ws.workspace.id;
    await ensureApiKey(prisma, { workspaceId: ws.workspace.id, key, name: "limits" });
  });

  it("API: a chunked body is cut off at 64 KiB → 413, the rest never read", async () => {
    const body = endlessBody(10 * 1024 * 1024);
    const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
    const response = await usageRoute.POST(streamed("http://test/api/v1/usage", body.stream, headers), { params: Promise.resolve({}) });
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("payload_too_large");
    // 64 KiB is four chunks; the fifth crosses the limit. A stream may pull one ahead.
    expect(body.pulled()).toBeLessThanOrEqual(6);
  });

  it("webhook: a chunked body is cut off at 256 KiB before any signature check → 413", async () => {
    const body = endlessBody(10 * 1024 * 1024);
    const response = await webhookRoute.POST(streamed("http://test/api/webhooks/stripe", body.stream, { "stripe-signature": "t=1,v1=forged" }));
    expect(response.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(18);
  });

  it("webhook: a declared Content-Length over the limit is refused unread", async () => {
    const request = new Request("http://test/api/webhooks/stripe", { method: "POST", headers: { "content-length": String(10 * 1024 * 1024) }, body: "{}" });
    expect((await webhookRoute.POST(request)).status).toBe(413);
  });

  it("a cursor above int8 → 400 invalid_request naming cursor", async () => {
    for (const cursor of ["9999999999999999999", "9223372036854775808"]) {
      const result = await get(`?cursor=${cursor}`);
      expect([result.status, result.body.error.code, result.body.error.field]).toEqual([400, "invalid_request", "cursor"]);
    }
    expect((await get("?cursor=9223372036854775807")).status).toBe(200);
  });

  it("metadata nested deeper than 32 → 400 invalid_request naming metadata; 32 deep is fine", async () => {
    const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
    const post = async (metadata: string, idempotencyKey: string) => {
      const raw = `{"member":${JSON.stringify(member)},"feature":"chat_reply","credits":1,"idempotencyKey":"${idempotencyKey}","metadata":${metadata}}`;
      const request = new Request("http://test/api/v1/usage", { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: raw });
      const response = await usageRoute.POST(request, { params: Promise.resolve({}) });
      return { status: response.status, body: await response.json() };
    };
    for (const depth of [33, 5_000]) {
      const result = await post(nested(depth), `deep-${depth}`);
      expect([result.status, result.body.error.code, result.body.error.field]).toEqual([400, "invalid_request", "metadata"]);
    }
    const arrays = await post(`{"a":${"[".repeat(40)}${"]".repeat(40)}}`, "deep-arrays");
    expect(arrays.body.error?.field).toBe("metadata");
    expect((await post(nested(32), "deep-32")).status).toBe(201);
    expect(await prisma.creditUsage.count({ where: { workspaceId } })).toBe(1);
  });
});

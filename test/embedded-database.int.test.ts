import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/scripts/lib/embedded-postgres.mjs";
import { applyMigrations } from "@/scripts/lib/test-database.mjs";

// The demo runs on the embedded database (PGlite), where every connection shares one session:
// a named prepared statement created by one pooled connection collides with the next one's.
// This file points the app's one database client at a fresh embedded database of its own.
let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
let dataDir = "";

describe("the embedded database", () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "refill-embedded-it-"));
    embedded = await startEmbeddedPostgres({ dataDir, port: 0 });
    await applyMigrations(embedded.url);
    process.env.DATABASE_URL = embedded.url;
  }, 180_000);

  afterAll(async () => {
    const { pgPool } = await import("@/lib/db");
    await pgPool().end();
    await embedded?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("answers GET /api/v1/events concurrently, pages intact (no named statements)", async () => {
    const { prisma } = await import("@/lib/db");
    const { createCreditsWorkspace } = await import("@/prisma/seed/credits");
    const { ensureApiKey } = await import("@/prisma/seed/identity");
    const { grantCredits } = await import("@/lib/credits/grant-credits");
    const eventsRoute = await import("@/app/api/v1/events/route");
    const ws = await createCreditsWorkspace(prisma, { label: "embedded", policy: { ledger: { starterCredits: 0 } } });
    const key = `rk_test_${crypto.randomUUID()}`;
    await ensureApiKey(prisma, { workspaceId: ws.workspace.id, key, name: "embedded" });
    for (let i = 1; i <= 3; i++) {
      await grantCredits({ workspaceId: ws.workspace.id, member: ws.users.member.id, credits: i, source: "promotional", memo: `g${i}`, idempotencyKey: `g${i}` });
    }
    const call = async (query: string) => {
      const request = new Request(`http://test/api/v1/events${query}`, { headers: { authorization: `Bearer ${key}` } });
      const response = await eventsRoute.GET(request, { params: Promise.resolve({}) });
      return { status: response.status, body: await response.json() };
    };
    const queries = Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? "?limit=2" : `?member=${encodeURIComponent(ws.users.member.email)}`));
    const results = await Promise.all(queries.map(call));
    expect(results.map((result) => result.status)).toEqual(queries.map(() => 200));
    for (const [index, result] of results.entries()) expect(result.body.events.length).toBe(index % 2 === 0 ? 2 : 3);
    const next = await call(`?limit=2&cursor=${results[0].body.nextCursor}`);
    expect([next.status, next.body.events.length]).toEqual([200, 1]);
  }, 120_000);
});

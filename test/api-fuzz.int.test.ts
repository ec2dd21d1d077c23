import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma, pgPool } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { createCreditsWorkspace } from "@/prisma/seed/credits";
import { ensureApiKey } from "@/prisma/seed/identity";
import { grantCredits } from "@/lib/credits/grant-credits";
import * as usageRoute from "@/app/api/v1/usage/route";
import * as balanceRoute from "@/app/api/v1/balance/route";
import * as grantsRoute from "@/app/api/v1/grants/route";
import * as reservationsRoute from "@/app/api/v1/reservations/route";
import * as captureRoute from "@/app/api/v1/reservations/[id]/capture/route";
import * as releaseRoute from "@/app/api/v1/reservations/[id]/release/route";
import * as refundRoute from "@/app/api/v1/usage/[id]/refund/route";
import * as eventsRoute from "@/app/api/v1/events/route";
import * as estimateRoute from "@/app/api/v1/estimate/route";
import * as membersRoute from "@/app/api/v1/members/route";
import * as memberRoute from "@/app/api/v1/members/[member]/route";

type THandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function totals() {
  const { rows } = await pgPool().query<{ state: string }>(
    `SELECT concat_ws('|', (SELECT count(*) FROM credit_grants), (SELECT coalesce(sum(remaining), 0) FROM credit_grants),
       (SELECT count(*) FROM credit_ledger_entries), (SELECT count(*) FROM credit_usages), (SELECT count(*) FROM memberships),
       (SELECT string_agg(role::text, ',' ORDER BY id) FROM memberships)) AS state`,
  );
  return rows[0].state;
}

// Values shaped like the fields the API reads, and plenty that are not.
const fieldValue = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(0, -1, 1_000_000_001, 2 ** 53, "1", "", " ", "chat_reply", "owner", "viewer", "promotional", "x".repeat(300)),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.anything(), { maxKeys: 3 }),
);
const FIELDS = ["member", "feature", "credits", "idempotencyKey", "group", "metadata", "expiresInSeconds", "source", "memo", "expiresAt", "reason", "items", "quantity", "quality", "email", "role", "name"];
const body = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), fieldValue, { maxKeys: 8 }),
  fc.anything(),
  fc.string().map((text) => ({ raw: text })),
);

describe("fuzzing the HTTP API: generated input never causes a 500 or a write", () => {
  let key = "";
  let memberEmail = "";

  beforeAll(async () => {
    await resetDatabase();
    const ws = await createCreditsWorkspace(prisma, { label: "fuzz", policy: { ledger: { starterCredits: 0 } } });
    key = `rk_test_${crypto.randomUUID()}`;
    memberEmail = ws.users.member.email;
    await ensureApiKey(prisma, { workspaceId: ws.workspace.id, key, name: "fuzz" });
    await grantCredits({ workspaceId: ws.workspace.id, member: ws.users.member.id, credits: 100, source: "promotional", memo: "seed", idempotencyKey: "fuzz-seed" });
  });

  const endpoints: [string, THandler, string, Record<string, string>?][] = [
    ["POST /usage", usageRoute.POST as THandler, "POST"],
    ["POST /reservations", reservationsRoute.POST as THandler, "POST"],
    ["POST /reservations/:id/capture", captureRoute.POST as THandler, "POST", { id: "use_nope" }],
    ["POST /reservations/:id/release", releaseRoute.POST as THandler, "POST", { id: "use_nope" }],
    ["POST /usage/:id/refund", refundRoute.POST as THandler, "POST", { id: "use_nope" }],
    ["POST /grants", grantsRoute.POST as THandler, "POST"],
    ["POST /estimate", estimateRoute.POST as THandler, "POST"],
    ["POST /members", membersRoute.POST as THandler, "POST"],
    ["PATCH /members/:member", memberRoute.PATCH as THandler, "PATCH", { member: "nobody@example.test" }],
  ];

  for (const [name, handler, method, params] of endpoints) {
    it(`${name}: every answer is 2xx or a 4xx with the error shape; refusals change nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(body, async (generated) => {
          const before = await totals();
          const raw = typeof generated === "object" && generated !== null && "raw" in generated ? String((generated as { raw: unknown }).raw) : JSON.stringify(generated ?? null);
          const response = await handler(
            new Request(`http://test/api/v1`, { method, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: raw }),
            { params: Promise.resolve(params ?? {}) },
          );
          expect(response.status, raw).toBeLessThan(500);
          const json = await response.json();
          if (response.status >= 400) {
            expect(typeof json.error?.code).toBe("string");
            expect(typeof json.error?.message).toBe("string");
            expect(await totals()).toBe(before);
          }
        }),
        { numRuns: 60 },
      );
    });
  }

  it("GET endpoints with generated query strings never 500", async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom("member", "limit", "cursor"), fc.oneof(fc.string({ maxLength: 80 }), fc.constant(memberEmail), fc.integer().map(String))), async (query) => {
        for (const handler of [balanceRoute.GET, eventsRoute.GET] as THandler[]) {
          const response = await handler(new Request(`http://test/api/v1?${new URLSearchParams(query)}`, { headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({}) });
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400) expect(typeof (await response.json()).error?.code).toBe("string");
        }
      }),
      { numRuns: 80 },
    );
  });
});

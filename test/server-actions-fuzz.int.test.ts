import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma, pgPool } from "@/lib/db";
import { POLICY_PRESETS } from "@/lib/credits/policy";
import { createCreditsWorkspace, subscribe } from "@/prisma/seed/credits";
import { resetDatabase } from "@/test/reset-database";
import { startPaymentsHarness } from "@/test/helpers/payments-harness";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", () => ({ getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "localhost:3000" }) }));

const modules = {
  member: () => import("@/lib/actions/admin/member-actions"),
  invitations: () => import("@/lib/actions/invitations/invitation-actions"),
  account: () => import("@/lib/actions/account/account-actions"),
  notifications: () => import("@/lib/actions/admin/notification-actions"),
  pool: () => import("@/lib/actions/admin/pool-actions"),
  requests: () => import("@/lib/actions/admin/topup-request-actions"),
  autoReload: () => import("@/lib/actions/billing/auto-reload-actions"),
  paymentMethods: () => import("@/lib/actions/billing/payment-method-actions"),
  purchases: () => import("@/lib/actions/billing/purchase-actions"),
  subscriptions: () => import("@/lib/actions/billing/subscription-actions"),
  policies: () => import("@/lib/actions/policies/policy-actions"),
  work: () => import("@/lib/actions/work/run-ai-action-action"),
  credits: () => import("@/lib/actions/credits/credit-history-actions"),
  settings: () => import("@/lib/actions/settings/api-key-actions"),
};

async function databaseState() {
  const { rows } = await pgPool().query<{ state: string }>(
    `SELECT concat_ws('|', (SELECT count(*) FROM credit_grants), (SELECT count(*) FROM credit_ledger_entries), (SELECT count(*) FROM purchases),
       (SELECT count(*) FROM memberships), (SELECT string_agg(role::text, ',' ORDER BY id) FROM memberships), (SELECT count(*) FROM api_keys),
       (SELECT count(*) FROM audit_logs), (SELECT count(*) FROM topup_requests), (SELECT md5(string_agg(policy::text, ',' ORDER BY id)) FROM workspaces)) AS state`,
  );
  return rows[0].state;
}

// Generated inputs: random values, and objects with the fields actions read holding wrong types.
const FIELDS = ["workspaceSlug", "offerId", "target", "memberIds", "payWith", "idempotencyKey", "purchaseId", "email", "role", "userId", "requestId", "reason", "credits", "cap", "preset", "settings", "name", "apiKeyId", "documentId", "feature", "quality", "actionKey", "cursor", "terms", "planKey", "invitationId", "currentPassword", "newPassword"];
const input = fc.oneof(
  fc.anything(),
  fc.dictionary(fc.constantFrom(...FIELDS), fc.oneof(fc.string({ maxLength: 80 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 })), { maxKeys: 6 }),
);

describe("fuzzing every server action: no throw, a clear refusal, nothing written", () => {
  let harness: Awaited<ReturnType<typeof startPaymentsHarness>>;
  let slug = "";

  beforeAll(async () => {
    harness = await startPaymentsHarness();
    await resetDatabase();
    const ws = await createCreditsWorkspace(prisma, { label: "actions-fuzz", policy: POLICY_PRESETS["per-editor-top-ups"] });
    await subscribe(prisma, { workspaceId: ws.workspace.id, planKey: "team", anchorAt: new Date(Date.now() - 86_400_000) });
    slug = ws.workspace.slug;
    session.userId = ws.users.owner.id;
  });
  afterAll(async () => harness.close());

  for (const [name, load] of Object.entries(modules)) {
    it(`${name}: every exported action answers generated input without throwing; refusals change nothing`, async () => {
      const actions = Object.entries(await load()).filter(([, value]) => typeof value === "function") as [string, (input: unknown) => Promise<unknown>][];
      expect(actions.length).toBeGreaterThan(0);
      for (const [actionName, action] of actions) {
        await fc.assert(
          fc.asyncProperty(input, fc.boolean(), async (generated, withSlug) => {
            const payload = withSlug && generated && typeof generated === "object" && !Array.isArray(generated) ? { ...generated, workspaceSlug: slug } : generated;
            const before = await databaseState();
            const result = (await action(payload)) as { ok?: boolean; error?: { code?: unknown; message?: unknown } } | null;
            if (result && typeof result === "object" && result.ok === false) {
              expect(typeof result.error?.message, `${actionName} message`).toBe("string");
              expect(result.error?.message, `${actionName} leaks internals`).not.toMatch(/prisma|invocation|stack|TypeError/i);
              expect(await databaseState(), `${actionName} wrote on refusal`).toBe(before);
            }
          }),
          { numRuns: 15 },
        );
      }
    });
  }
});

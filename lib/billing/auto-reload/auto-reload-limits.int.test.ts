import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { POLICY_PRESETS } from "@/lib/credits/policy";
import { debitCredits } from "@/lib/credits/debit-credits";
import { getBalance } from "@/lib/credits/get-balance";
import { setPoolShare } from "@/lib/credits/set-pool-share";
import { verifyLedger } from "@/lib/credits/verify-ledger";
import { ensureBillingCustomer } from "@/lib/billing/purchases/ensure-billing-customer";
import { saveDefaultCard } from "@/lib/billing/purchases/save-default-card";
import { enableAutoReload, previewAutoReload } from "@/lib/billing/auto-reload/set-auto-reload";
import { spendWithAutoReload } from "@/lib/billing/auto-reload/spend-with-auto-reload";
import type { TAutoReloadConfig } from "@/lib/billing/auto-reload/schemas";
import { createCreditsWorkspace, subscribe } from "@/prisma/seed/credits";
import { ensureApiKey } from "@/prisma/seed/identity";
import * as usageRoute from "@/app/api/v1/usage/route";
import { resetDatabase } from "@/test/reset-database";
import { startPaymentsHarness } from "@/test/helpers/payments-harness";

// Page 003: 10,000 at a time, at most the plan's credits per cycle (80,000 on Business: 8 reloads).
const CONFIG: TAutoReloadConfig = { onExhaustion: true, onThreshold: false, thresholdCredits: null, amountMode: "fixed", amountCredits: 10_000, maxCreditsPerCycle: null };

describe("auto-reload limits: one bounded charge per reload, repeatable up to the cycle's cap", () => {
  let harness: Awaited<ReturnType<typeof startPaymentsHarness>>;
  let ws: Awaited<ReturnType<typeof createCreditsWorkspace>>;
  let workspaceId: string;

  beforeAll(async () => {
    harness = await startPaymentsHarness();
  });
  afterAll(async () => harness.close());
  afterEach(async () => harness.flushWebhooks());
  beforeEach(async () => {
    await resetDatabase();
    ws = await createCreditsWorkspace(prisma, { label: "limits", policy: POLICY_PRESETS["cycle-extras"] });
    workspaceId = ws.workspace.id;
  });

  async function saveOwnerCard() {
    const owner = ws.users.owner;
    const customer = await ensureBillingCustomer({ id: owner.id, email: owner.email, name: "Owner" });
    const card = await harness.stripe.paymentMethods.attach("pm_card_visa", { customer: customer.gatewayCustomerId });
    await saveDefaultCard({ userId: owner.id, paymentMethodId: card.id });
  }

  async function turnOn(config: Partial<TAutoReloadConfig> = {}) {
    const full = { ...CONFIG, ...config };
    const terms = await previewAutoReload({ workspaceId, userId: ws.users.owner.id, config: full });
    await enableAutoReload({ workspaceId, userId: ws.users.owner.id, config: full, termsKey: terms.termsKey });
    return terms;
  }

  async function drain() {
    const { available } = await getBalance({ workspaceId, member: ws.users.member.id });
    if (available > 0) await debitCredits({ workspaceId, member: ws.users.member.id, feature: "chat_reply", credits: available, idempotencyKey: `drain-${crypto.randomUUID()}` });
  }

  function spend(credits: number) {
    const key = crypto.randomUUID();
    return spendWithAutoReload({
      workspaceId,
      member: ws.users.member.email,
      spend: () => debitCredits({ workspaceId, member: ws.users.member.email, feature: "chat_reply", credits, idempotencyKey: key }),
    });
  }

  const reloads = () => prisma.purchase.findMany({ where: { workspaceId, kind: "auto_reload" }, orderBy: { createdAt: "asc" } });
  const intents = async () => (await harness.stripe.paymentIntents.list({ limit: 100 })).data.filter((pi) => pi.metadata?.workspaceId === workspaceId);

  it("a usage far beyond one reload (balance + 2,000,000) is refused as any shortfall, and nothing is charged", async () => {
    // Client packs: the preset that had no cap per cycle, where this once bought $24,000 at once.
    await prisma.workspace.update({ where: { id: workspaceId }, data: { policy: POLICY_PRESETS["client-packs"] } });
    await subscribe(prisma, { workspaceId, planKey: "business", anchorAt: new Date(Date.now() - 86_400_000) });
    await saveOwnerCard();
    await turnOn({ amountCredits: 5_000 });
    const { available } = await getBalance({ workspaceId, member: ws.users.member.id });
    // Through the metering API, as a host product would send it.
    const apiKey = `rk_test_${crypto.randomUUID()}`;
    await ensureApiKey(prisma, { workspaceId, key: apiKey, name: "host" });
    const response = await usageRoute.POST(
      new Request("http://test/api/v1/usage", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
        body: JSON.stringify({ member: ws.users.member.email, feature: "chat_reply", credits: available + 2_000_000, idempotencyKey: "huge-usage" }),
      }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(402);
    expect((await response.json()).error).toMatchObject({ code: "insufficient_credits", available, required: available + 2_000_000 });
    await drain();
    // Just over one reload: still refused whole; one reload never buys more than its amount.
    await expect(spend(5_001)).rejects.toMatchObject({ code: "insufficient_credits", details: { available: 0, required: 5_001 } });
    expect(await reloads()).toHaveLength(0);
    expect(await intents()).toHaveLength(0);
    // What one reload covers still goes through, with one charge of exactly one reload.
    await expect(spend(5_000)).resolves.toMatchObject({ status: "captured", available: 0 });
    expect((await reloads()).map((p) => [p.status, p.credits, p.amountMinor])).toEqual([["succeeded", 5_000, 6_500]]);
  });

  it("turning on needs a per-cycle cap: the plan's credits on page 003, a default shown in the terms elsewhere", async () => {
    await subscribe(prisma, { workspaceId, planKey: "business", anchorAt: new Date(Date.now() - 86_400_000) });
    await saveOwnerCard();
    const terms = await previewAutoReload({ workspaceId, userId: ws.users.owner.id, config: CONFIG });
    expect(terms.capCredits).toBe(80_000);
    expect(terms.lines.join("\n")).toContain("A request needing more than one reload covers is refused; nothing is charged for it.");
    // A reload larger than the cycle's cap can never be made: refused when turning on.
    await expect(previewAutoReload({ workspaceId, userId: ws.users.owner.id, config: { ...CONFIG, amountCredits: 90_000 } })).rejects.toMatchObject({ code: "invalid_request", details: { field: "amountCredits" } });

    await prisma.workspace.update({ where: { id: workspaceId }, data: { policy: POLICY_PRESETS["client-packs"] } });
    const packs = await previewAutoReload({ workspaceId, userId: ws.users.owner.id, config: { ...CONFIG, onExhaustion: false, onThreshold: true, thresholdCredits: 200, amountCredits: 5_000 } });
    expect(packs.capCredits).toBe(50_000);
    expect(packs.lines.join("\n")).toContain("At most 50,000 credits per billing cycle (10 reloads of 5,000)");
    expect(packs.lines.join("\n")).not.toContain("No limit");
  });

  it("page 003: an 80,000 plan auto-purchases 10,000 eight times in a row as each is used up, then the cap refuses the ninth", async () => {
    await subscribe(prisma, { workspaceId, planKey: "business", anchorAt: new Date(Date.now() - 86_400_000) });
    await saveOwnerCard();
    await turnOn();
    await drain();
    for (let i = 0; i < 8; i++) {
      await expect(spend(50)).resolves.toMatchObject({ status: "captured", available: 9_950 });
      await drain();
    }
    await expect(spend(50)).rejects.toMatchObject({ code: "insufficient_credits" });
    const all = await reloads();
    expect(all.map((p) => p.status)).toEqual(Array(8).fill("succeeded"));
    expect(all.reduce((sum, p) => sum + p.credits, 0)).toBe(80_000);
    expect(await intents()).toHaveLength(8);
    expect((await verifyLedger(workspaceId)).ok).toBe(true);
  });

  it("loop guard: while the previous reload's credits are unspent (out of this member's reach), no second reload is bought", async () => {
    await subscribe(prisma, { workspaceId, planKey: "business", anchorAt: new Date(Date.now() - 86_400_000) });
    await saveOwnerCard();
    await turnOn();
    // The member may draw only 100 from the pool this month: reloads land in the pool, out of reach.
    await setPoolShare({ workspaceId, member: ws.users.member.id, capPerCycle: 100 });
    await drain();
    await expect(spend(50)).rejects.toMatchObject({ code: "insufficient_credits" });
    await expect(spend(50)).rejects.toMatchObject({ code: "insufficient_credits" });
    expect((await reloads()).map((p) => p.status)).toEqual(["succeeded"]);
    expect((await getBalance({ workspaceId, member: null })).available).toBeGreaterThanOrEqual(10_000);
  });
});

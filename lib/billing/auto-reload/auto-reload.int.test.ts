import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { POLICY_PRESETS } from "@/lib/credits/policy";
import { debitCredits } from "@/lib/credits/debit-credits";
import { getBalance } from "@/lib/credits/get-balance";
import { verifyLedger } from "@/lib/credits/verify-ledger";
import { ensureBillingCustomer } from "@/lib/billing/purchases/ensure-billing-customer";
import { saveDefaultCard } from "@/lib/billing/purchases/save-default-card";
import { disableAutoReload, enableAutoReload, previewAutoReload } from "@/lib/billing/auto-reload/set-auto-reload";
import { reloadIfBelowThreshold, spendWithAutoReload } from "@/lib/billing/auto-reload/spend-with-auto-reload";
import { requestAutoReload } from "@/lib/billing/auto-reload/request-auto-reload";
import { completeAutoReload } from "@/lib/billing/auto-reload/complete-auto-reload";
import type { TAutoReloadConfig } from "@/lib/billing/auto-reload/schemas";
import { getAutoReloadView } from "@/lib/billing/auto-reload/get-auto-reload-view";
import { createCreditsWorkspace, subscribe } from "@/prisma/seed/credits";
import { resetDatabase } from "@/test/reset-database";
import { startPaymentsHarness } from "@/test/helpers/payments-harness";

// Page 003: extras of 10,000 at the plan's price + 30%, capped at the plan's credits per cycle.
const CONFIG: TAutoReloadConfig = { onExhaustion: true, onThreshold: false, thresholdCredits: null, amountMode: "fixed", amountCredits: 10_000, maxCreditsPerCycle: null };
const BUSINESS_RELOAD_MINOR = 959; // 10,000 × $59/80,000 = $7.375, + 30% = $9.5875 → $9.59

describe("auto-reload against the sandbox", () => {
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
    ws = await createCreditsWorkspace(prisma, { label: "reload", policy: POLICY_PRESETS["cycle-extras"] });
    workspaceId = ws.workspace.id;
  });

  async function setUp(options: { plan?: string; card?: string; enable?: boolean; config?: Partial<TAutoReloadConfig> } = {}) {
    await subscribe(prisma, { workspaceId, planKey: options.plan ?? "business", anchorAt: new Date(Date.now() - 86_400_000) });
    const owner = ws.users.owner;
    const customer = await ensureBillingCustomer({ id: owner.id, email: owner.email, name: "Owner" });
    const card = await harness.stripe.paymentMethods.attach(options.card ?? "pm_card_visa", { customer: customer.gatewayCustomerId });
    await saveDefaultCard({ userId: owner.id, paymentMethodId: card.id });
    const config = { ...CONFIG, ...options.config };
    if (options.enable !== false) {
      const terms = await previewAutoReload({ workspaceId, userId: owner.id, config });
      await enableAutoReload({ workspaceId, userId: owner.id, config, termsKey: terms.termsKey });
    }
    await drain();
    return { customer, card };
  }

  async function drain() {
    const { available } = await getBalance({ workspaceId, member: ws.users.member.id });
    if (available > 0) await debitCredits({ workspaceId, member: ws.users.member.id, feature: "chat_reply", credits: available, idempotencyKey: `drain-${crypto.randomUUID()}` });
  }

  function spend(credits: number, key = crypto.randomUUID()) {
    return spendWithAutoReload({
      workspaceId,
      member: ws.users.member.email,
      spend: () => debitCredits({ workspaceId, member: ws.users.member.email, feature: "chat_reply", credits, idempotencyKey: key }),
    });
  }

  const reloads = () => prisma.purchase.findMany({ where: { workspaceId, kind: "auto_reload" }, orderBy: { createdAt: "asc" } });

  it("is off unless turned on: a short request is refused and nothing is charged", async () => {
    await setUp({ enable: false });
    await expect(spend(50)).rejects.toMatchObject({ code: "insufficient_credits", details: { available: 0, required: 50 } });
    expect(await reloads()).toHaveLength(0);
    expect(await prisma.autoReloadSetting.count()).toBe(0);
  });

  it("shows exactly what will be charged, and refuses stale terms or a missing card", async () => {
    await subscribe(prisma, { workspaceId, planKey: "business", anchorAt: new Date(Date.now() - 86_400_000) });
    const terms = await previewAutoReload({ workspaceId, userId: ws.users.owner.id, config: CONFIG });
    expect(terms.priceMinor).toBe(BUSINESS_RELOAD_MINOR);
    expect(terms.lines.join("\n")).toContain("we buy 10,000 credits for $9.59 ($7.38 + 30% surcharge)");
    expect(terms.lines.join("\n")).toContain("At most 80,000 credits per billing cycle (8 reloads of 10,000)");
    await expect(enableAutoReload({ workspaceId, userId: ws.users.owner.id, config: CONFIG, termsKey: terms.termsKey })).rejects.toMatchObject({ code: "invalid_request" });
    const customer = await ensureBillingCustomer({ id: ws.users.owner.id, email: ws.users.owner.email, name: "Owner" });
    const card = await harness.stripe.paymentMethods.attach("pm_card_visa", { customer: customer.gatewayCustomerId });
    await saveDefaultCard({ userId: ws.users.owner.id, paymentMethodId: card.id });
    await expect(enableAutoReload({ workspaceId, userId: ws.users.owner.id, config: CONFIG, termsKey: "stale" })).rejects.toMatchObject({ code: "conflict" });
    await expect(previewAutoReload({ workspaceId, userId: ws.users.owner.id, config: { ...CONFIG, onThreshold: true, thresholdCredits: 100 } })).rejects.toMatchObject({ code: "invalid_request" });
  });

  it("off-session success: the blocked request waits, 10,000 credits land once, with an invoice, an email and a notice", async () => {
    await setUp();
    const usage = await spend(50);
    expect(usage).toMatchObject({ status: "captured", credits: 50, available: 9_950 });
    const [reload] = await reloads();
    expect(reload).toMatchObject({ status: "succeeded", credits: 10_000, amountMinor: BUSINESS_RELOAD_MINOR, buyerUserId: ws.users.owner.id });
    expect(reload.fulfilledAt).not.toBeNull();
    expect(await prisma.creditGrant.count({ where: { purchaseId: reload.id, source: "auto_reload" } })).toBe(1);
    expect(await prisma.invoice.count({ where: { purchaseId: reload.id } })).toBe(1);
    expect(await prisma.emailOutbox.count({ where: { toAddress: ws.users.owner.email, kind: "billing_confirmation" } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: ws.users.owner.id, kind: "purchase_succeeded" } })).toBe(1);
    expect((await prisma.autoReloadSetting.findUniqueOrThrow({ where: { workspaceId } })).reloadingPurchaseId).toBeNull();
    expect((await verifyLedger(workspaceId)).ok).toBe(true);
  });

  it("a concurrent burst of exhausting requests triggers one reload, and every request proceeds", async () => {
    await setUp();
    const results = await Promise.allSettled(Array.from({ length: 16 }, () => spend(100)));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const all = await reloads();
    expect(all).toHaveLength(1);
    expect(all[0].status).toBe("succeeded");
    expect((await getBalance({ workspaceId, member: ws.users.member.id })).available).toBe(10_000 - 16 * 100);
    const intents = await harness.stripe.paymentIntents.list({ limit: 100 });
    expect(intents.data.filter((pi) => pi.metadata?.workspaceId === workspaceId)).toHaveLength(1);
  });

  it("single flight across processes: concurrent deciders on the row lock make one purchase and one charge", async () => {
    await setUp();
    const attempts = await Promise.all(
      Array.from({ length: 12 }, () => requestAutoReload({ workspaceId, memberUserId: ws.users.member.id, trigger: "exhaustion", required: 100 })),
    );
    const statuses = attempts.map((a) => a.status);
    expect(statuses.filter((s) => s === "reloaded")).toHaveLength(1);
    expect(statuses.every((s) => ["reloaded", "in_flight", "not_needed"].includes(s))).toBe(true);
    expect(await reloads()).toHaveLength(1);
  });

  it("a request larger than one pack is refused whole: one reload never buys more than one pack", async () => {
    await setUp();
    await expect(spend(25_000)).rejects.toMatchObject({ code: "insufficient_credits", details: { available: 0, required: 25_000 } });
    expect(await reloads()).toHaveLength(0);
  });

  it("cap reached: no more charges this cycle, and the request is refused as usual", async () => {
    await setUp({ plan: "team" }); // 10,000 credits a cycle: one reload of 10,000
    await spend(50);
    await drain();
    await expect(spend(50)).rejects.toMatchObject({ code: "insufficient_credits" });
    await expect(requestAutoReload({ workspaceId, memberUserId: ws.users.member.id, trigger: "exhaustion", required: 50 })).resolves.toEqual({ status: "cap_reached" });
    const all = await reloads();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ credits: 10_000, amountMinor: 1_170 });
  });

  it("a failed payment pauses metered work (credits_paused), emails owners; a new card resumes it", async () => {
    const { customer } = await setUp({ card: "pm_card_chargeCustomerFail" });
    const error = await spend(50).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "credits_paused", details: { reason: "auto_reload_payment_failed" } });
    expect((await reloads())[0]).toMatchObject({ status: "failed" });
    const owners = await prisma.emailOutbox.findMany({ where: { kind: "auto_reload_failed" } });
    expect(owners.map((e) => e.toAddress)).toEqual([ws.users.owner.email]);
    expect(owners[0].text).toContain("/credits/auto-reload?purchase=");
    expect(await prisma.notification.count({ where: { userId: ws.users.owner.id, kind: "auto_reload_failed" } })).toBe(1);
    // Paused for everyone, also with credits that need no reload; and no second attempt is made.
    await expect(spend(50)).rejects.toMatchObject({ code: "credits_paused" });
    expect(await reloads()).toHaveLength(1);

    const visa = await harness.stripe.paymentMethods.attach("pm_card_visa", { customer: customer.gatewayCustomerId });
    await saveDefaultCard({ userId: ws.users.owner.id, paymentMethodId: visa.id });
    await expect(spend(50)).resolves.toMatchObject({ status: "captured" });
    expect((await reloads()).map((p) => p.status)).toEqual(["failed", "succeeded"]);
    expect((await prisma.creditWorkspaceState.findUniqueOrThrow({ where: { workspaceId } })).spendingPausedReason).toBeNull();
  });

  it("authentication_required: the owner gets a link, completes 3-D Secure on-session, and work resumes", async () => {
    const { card } = await setUp({ card: "pm_card_authenticationRequired" });
    await expect(spend(50)).rejects.toMatchObject({ code: "credits_paused", details: { reason: "auto_reload_authentication_required" } });
    const [blocked] = await reloads();
    expect(blocked).toMatchObject({ status: "failed", failureCode: "authentication_required" });
    const email = await prisma.emailOutbox.findFirstOrThrow({ where: { toAddress: ws.users.owner.email, kind: "auto_reload_failed" } });
    expect(email.text).toContain(`/w/${ws.workspace.slug}/credits/auto-reload?purchase=${blocked.id}`);

    // On-session, as the completion page's browser code does: confirm with the saved card, pass the challenge.
    const intent = await harness.stripe.paymentIntents.confirm(blocked.gatewayPaymentIntentId!, { payment_method: card.id });
    expect(intent.status).toBe("requires_action");
    await harness.authenticate(intent.id, intent.client_secret!, "complete");
    await expect(completeAutoReload({ workspaceId, userId: ws.users.admin.id, purchaseId: blocked.id })).rejects.toMatchObject({ code: "not_found" });
    expect((await completeAutoReload({ workspaceId, userId: ws.users.owner.id, purchaseId: blocked.id }))?.status).toBe("succeeded");

    await expect(spend(50)).resolves.toMatchObject({ status: "captured", available: 9_950 });
    expect(await reloads()).toHaveLength(1);
    expect(await prisma.invoice.count({ where: { purchaseId: blocked.id } })).toBe(1);
  });

  it("threshold (client packs): falling below it reloads in the background, to the pool, at the pack price", async () => {
    await prisma.workspace.update({ where: { id: workspaceId }, data: { policy: POLICY_PRESETS["client-packs"] } });
    await setUp({ config: { onExhaustion: false, onThreshold: true, thresholdCredits: 200, amountCredits: 5_000 } });
    reloadIfBelowThreshold({ workspaceId, member: ws.users.member.email, available: 0 });
    // Until the background reload is done (the webhook may mark it paid first), not only paid.
    const settled = async () => ({ statuses: (await reloads()).map((p) => [p.status, p.fulfilledAt !== null]), reloading: (await prisma.autoReloadSetting.findUniqueOrThrow({ where: { workspaceId } })).reloadingPurchaseId });
    await expect.poll(settled, { timeout: 10_000 }).toEqual({ statuses: [["succeeded", true]], reloading: null });
    expect((await reloads())[0]).toMatchObject({ credits: 5_000, amountMinor: 6_500 });
    // The status is recorded a moment before fulfilment grants the credits: wait for the grant.
    await expect.poll(async () => (await getBalance({ workspaceId, member: null })).available, { timeout: 10_000 }).toBe(5_000);
  });

  it("the settings card: null where not offered; shows the blocked payment's link to owners", async () => {
    await prisma.workspace.update({ where: { id: workspaceId }, data: { policy: POLICY_PRESETS["prepaid-tiers"] } });
    expect(await getAutoReloadView({ workspaceId, userId: ws.users.owner.id, workspaceSlug: ws.workspace.slug })).toBeNull();
    await prisma.workspace.update({ where: { id: workspaceId }, data: { policy: POLICY_PRESETS["cycle-extras"] } });
    await setUp({ card: "pm_card_chargeCustomerFail" });
    await expect(spend(50)).rejects.toMatchObject({ code: "credits_paused" });
    const view = await getAutoReloadView({ workspaceId, userId: ws.users.owner.id, workspaceSlug: ws.workspace.slug });
    expect(view).toMatchObject({ enabled: true, payerIsYou: true, blocked: { paused: true } });
    expect(view?.currentTerms[0]).toContain("$9.59");
  });

  it("turning it off lifts its pause and stops charges; nothing turns it back on", async () => {
    await setUp({ card: "pm_card_chargeCustomerFail" });
    await expect(spend(50)).rejects.toMatchObject({ code: "credits_paused" });
    await disableAutoReload({ workspaceId, userId: ws.users.owner.id });
    await expect(spend(50)).rejects.toMatchObject({ code: "insufficient_credits" });
    expect(await reloads()).toHaveLength(1);
    expect((await prisma.autoReloadSetting.findUniqueOrThrow({ where: { workspaceId } })).enabled).toBe(false);
  });
});

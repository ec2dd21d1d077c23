import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getBalance } from "@/lib/credits/get-balance";
import { grantCredits } from "@/lib/credits/grant-credits";
import { verifyLedger } from "@/lib/credits/verify-ledger";
import { POLICY_PRESETS, type TPolicyPresetName } from "@/lib/credits/policy";
import { settlePurchase } from "@/lib/billing/purchases/settle-purchase";
import { ensureBillingCustomer } from "@/lib/billing/purchases/ensure-billing-customer";
import { saveDefaultCard } from "@/lib/billing/purchases/save-default-card";
import { startSubscriptionPurchase } from "@/lib/billing/purchases/start-subscription-purchase";
import { scheduleDowngrade } from "@/lib/billing/subscriptions/schedule-downgrade";
import { cancelPlan } from "@/lib/billing/subscriptions/cancel-plan";
import { resumePlan } from "@/lib/billing/subscriptions/resume-plan";
import { renewSubscriptions } from "@/lib/billing/subscriptions/renew-subscriptions";
import { getPlanState } from "@/lib/billing/subscriptions/get-plan-state";
import { cycleBounds } from "@/lib/plans/cycle-bounds";
import { createCreditsWorkspace } from "@/prisma/seed/credits";
import { resetDatabase } from "@/test/reset-database";
import { startPaymentsHarness } from "@/test/helpers/payments-harness";

const DAY = 86_400_000;

describe("plans and subscriptions through the sandbox", () => {
  let harness: Awaited<ReturnType<typeof startPaymentsHarness>>;
  let ws: Awaited<ReturnType<typeof createCreditsWorkspace>>;
  let owner: { userId: string; email: string; name: string };
  let keyCounter = 0;

  beforeAll(async () => {
    harness = await startPaymentsHarness();
  });
  afterAll(async () => harness.close());
  afterEach(async () => harness.flushWebhooks());

  async function setup(preset: TPolicyPresetName) {
    await resetDatabase();
    ws = await createCreditsWorkspace(prisma, { label: "plans", policy: POLICY_PRESETS[preset] });
    owner = { userId: ws.users.owner.id, email: ws.users.owner.email, name: "Owner" };
    await grantCredits({ workspaceId: ws.workspace.id, member: ws.users.member.id, credits: 300, source: "top_up", expiresAt: null, memo: "bought earlier", idempotencyKey: "early-top-up" });
  }
  beforeEach(() => setup("never-expiring-top-ups-with-office-pool"));

  const key = () => `plan-key-${++keyCounter}-${Date.now()}`;
  const buckets = async (now?: Date) => {
    const balance = await getBalance({ workspaceId: ws.workspace.id, member: ws.users.member.id, now });
    const sum = (source: string, paused = false) => balance.buckets.filter((b) => b.source === source && b.paused === paused).reduce((s, b) => s + b.remaining, 0);
    return { available: balance.available, plan: sum("plan"), topUp: sum("top_up"), pausedTopUp: sum("top_up", true) };
  };

  async function subscribeWithCard(planKey: string, card: string) {
    const started = await startSubscriptionPurchase({ workspaceId: ws.workspace.id, userId: null, buyer: owner, planKey, payWith: "new_card", idempotencyKey: key() });
    const intentId = started.clientSecret!.split("_secret_")[0];
    const intent = await harness.stripe.paymentIntents.confirm(intentId, { payment_method: card });
    if (intent.status === "requires_action") await harness.authenticate(intent.id, started.clientSecret!, "complete");
    return settlePurchase({ workspaceId: ws.workspace.id, purchaseId: started.purchaseId });
  }

  /** Moves a fresh subscription's dates back, as if it had started `days` ago (before any allotment). */
  async function backdate(days: number) {
    const state = await getPlanState({ workspaceId: ws.workspace.id, userId: null });
    const shift = (d: Date) => new Date(d.getTime() - days * DAY);
    await prisma.subscription.update({ where: { id: state!.subscription.id }, data: { anchorAt: shift(state!.subscription.anchorAt), startedAt: shift(state!.subscription.startedAt) } });
    const anchorAt = shift(state!.subscription.anchorAt);
    await prisma.subscriptionBilling.update({ where: { subscriptionId: state!.subscription.id }, data: { paidThroughAt: cycleBounds(anchorAt, state!.plan.interval, anchorAt).end } });
  }

  it("subscribe with a 3-D Secure card: the plan starts, its credits land per member, an invoice follows, top-ups stay", async () => {
    const paid = await subscribeWithCard("ai-starter", "pm_card_threeDSecure2Required");
    expect(paid).toMatchObject({ status: "succeeded", kind: "subscription", amountMinor: 900 });
    const state = await getPlanState({ workspaceId: ws.workspace.id, userId: null });
    expect(state).toMatchObject({ plan: { key: "ai-starter" }, current: { status: "active", billed: true }, billing: { payerUserId: owner.userId } });
    expect(await buckets()).toMatchObject({ plan: 1_000, topUp: 300 });
    expect(await prisma.invoice.count({ where: { workspaceId: ws.workspace.id } })).toBe(1);
    expect(await prisma.creditGrant.count({ where: { purchaseId: paid!.id } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { workspaceId: ws.workspace.id, action: "subscription.started" } })).toBe(1);
    // Settling again (a webhook, the browser) changes nothing.
    await settlePurchase({ workspaceId: ws.workspace.id, purchaseId: paid!.id });
    expect(await prisma.subscription.count({ where: { workspaceId: ws.workspace.id } })).toBe(1);
    expect((await verifyLedger(ws.workspace.id)).ok).toBe(true);
  });

  it("upgrade: charged now less the unused time, new plan's credits replace the old ones, top-ups untouched", async () => {
    await subscribeWithCard("ai-starter", "pm_card_visa");
    await backdate(10);
    expect(await buckets()).toMatchObject({ plan: 1_000, topUp: 300 });
    const upgraded = await startSubscriptionPurchase({ workspaceId: ws.workspace.id, userId: null, buyer: owner, planKey: "ai-pro", payWith: "saved_card", idempotencyKey: key() });
    expect(upgraded.status).toBe("succeeded");
    expect(upgraded.amountMinor).toBeGreaterThan(2_000);
    expect(upgraded.amountMinor).toBeLessThan(2_900);
    expect(await buckets()).toMatchObject({ plan: 5_000, topUp: 300 });
    const subs = await prisma.subscription.findMany({ where: { workspaceId: ws.workspace.id }, include: { plan: true }, orderBy: { createdAt: "asc" } });
    expect(subs.map((s) => [s.plan.key, s.status])).toEqual([["ai-starter", "ended"], ["ai-pro", "active"]]);
    expect((await verifyLedger(ws.workspace.id)).ok).toBe(true);
  });

  it("downgrade waits for the period's end; the renewal charges the cheaper plan and resets credits, top-ups stay", async () => {
    await subscribeWithCard("ai-pro", "pm_card_visa");
    await scheduleDowngrade({ workspaceId: ws.workspace.id, userId: null, planKey: "ai-starter", actorUserId: owner.userId });
    expect(await buckets()).toMatchObject({ plan: 5_000, topUp: 300 });
    await backdate(31);
    const result = await renewSubscriptions();
    expect(result).toMatchObject({ renewed: 1, failed: 0 });
    const state = await getPlanState({ workspaceId: ws.workspace.id, userId: null });
    expect(state).toMatchObject({ plan: { key: "ai-starter" }, current: { status: "active" }, scheduledPlan: null });
    expect(await buckets()).toMatchObject({ plan: 1_000, topUp: 300 });
    const renewal = await prisma.purchase.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, description: { contains: "renewal" } } });
    expect(renewal).toMatchObject({ amountMinor: 900, status: "succeeded" });
    expect(await renewSubscriptions()).toMatchObject({ renewed: 0, failed: 0 });
  });

  it("renewal resets plan credits every cycle and keeps top-ups; run twice it charges once", async () => {
    await subscribeWithCard("ai-starter", "pm_card_visa");
    await backdate(31);
    const [a, b] = await Promise.all([renewSubscriptions(), renewSubscriptions()]);
    expect(a.renewed + b.renewed).toBeGreaterThanOrEqual(1);
    expect(await prisma.purchase.count({ where: { workspaceId: ws.workspace.id, status: "succeeded" } })).toBe(2);
    const intents = (await harness.stripe.paymentIntents.list({ limit: 100 })).data.filter((pi) => pi.metadata?.workspaceId === ws.workspace.id && pi.status === "succeeded");
    expect(intents).toHaveLength(2);
    const state = await getPlanState({ workspaceId: ws.workspace.id, userId: null });
    expect(state!.billing!.paidThroughAt.getTime()).toBeGreaterThan(Date.now() + 20 * DAY);
    expect(await buckets()).toMatchObject({ plan: 1_000, topUp: 300 });
  });

  it("a renewal that fails marks the plan past due: plan credits stop, top-ups stay usable, the payer is told; paying again restores it", async () => {
    await subscribeWithCard("ai-starter", "pm_card_visa");
    const customer = await ensureBillingCustomer({ id: owner.userId, email: owner.email, name: owner.name });
    const failing = await harness.stripe.paymentMethods.attach("pm_card_chargeCustomerFail", { customer: customer.gatewayCustomerId });
    await saveDefaultCard({ userId: owner.userId, paymentMethodId: failing.id });
    await backdate(31);
    expect(await renewSubscriptions()).toMatchObject({ failed: 1 });
    const state = await getPlanState({ workspaceId: ws.workspace.id, userId: null });
    expect(state).toMatchObject({ current: { status: "past_due" }, billing: { lastFailureMessage: expect.stringMatching(/declined/i) } });
    expect(await buckets()).toMatchObject({ plan: 0, topUp: 300, available: 300 });
    expect(await prisma.emailOutbox.count({ where: { toAddress: owner.email, kind: "billing_renewal_failed" } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: owner.userId, kind: "subscription_past_due" } })).toBe(1);
    expect(await renewSubscriptions()).toMatchObject({ renewed: 0, failed: 0 });

    const again = await subscribeWithCard("ai-starter", "pm_card_visa");
    expect(again?.status).toBe("succeeded");
    expect(await getPlanState({ workspaceId: ws.workspace.id, userId: null })).toMatchObject({ current: { status: "active" } });
    expect(await buckets()).toMatchObject({ plan: 1_000, topUp: 300 });
    expect((await verifyLedger(ws.workspace.id)).ok).toBe(true);
  });

  it("cancel: plan credits stay until the period's end, then clear; top-ups stay usable; resume undoes it", async () => {
    await subscribeWithCard("ai-starter", "pm_card_visa");
    const { endsAt } = await cancelPlan({ workspaceId: ws.workspace.id, userId: null, actorUserId: owner.userId });
    expect(await buckets()).toMatchObject({ plan: 1_000, topUp: 300 });
    await resumePlan({ workspaceId: ws.workspace.id, userId: null, actorUserId: owner.userId });
    expect(await getPlanState({ workspaceId: ws.workspace.id, userId: null })).toMatchObject({ current: { status: "active" }, subscription: { endsAt: null } });
    await cancelPlan({ workspaceId: ws.workspace.id, userId: null, actorUserId: owner.userId });
    const after = new Date(endsAt.getTime() + 60_000);
    expect(await buckets(after)).toMatchObject({ plan: 0, topUp: 300, available: 300 });
    expect(await renewSubscriptions({ now: after })).toMatchObject({ renewed: 0, ended: 1 });
    expect(await prisma.purchase.count({ where: { workspaceId: ws.workspace.id } })).toBe(1);
  });

  it("per-editor preset: top-ups are paused without a paid plan and usable after subscribing", async () => {
    await setup("per-editor-top-ups");
    expect(await buckets()).toMatchObject({ available: 0, pausedTopUp: 300 });
    await subscribeWithCard("team", "pm_card_visa");
    expect(await buckets()).toMatchObject({ plan: 10_000, topUp: 300, pausedTopUp: 0 });
  });

  it("refuses what is not a paid change and leaves nothing behind", async () => {
    await subscribeWithCard("ai-pro", "pm_card_visa");
    const input = { workspaceId: ws.workspace.id, userId: null, buyer: owner, payWith: "saved_card" as const };
    await expect(startSubscriptionPurchase({ ...input, planKey: "ai-pro", idempotencyKey: key() })).rejects.toMatchObject({ code: "invalid_request" });
    await expect(startSubscriptionPurchase({ ...input, planKey: "ai-starter", idempotencyKey: key() })).rejects.toMatchObject({ code: "invalid_request" });
    await expect(startSubscriptionPurchase({ ...input, planKey: "nope", idempotencyKey: key() })).rejects.toMatchObject({ code: "not_found" });
    await expect(scheduleDowngrade({ workspaceId: ws.workspace.id, userId: null, planKey: "business", actorUserId: owner.userId })).rejects.toMatchObject({ code: "invalid_request" });
    expect(await prisma.purchase.count({ where: { workspaceId: ws.workspace.id } })).toBe(1);
  });
});

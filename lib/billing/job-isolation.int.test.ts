import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { POLICY_PRESETS } from "@/lib/credits/policy";
import { getBalance } from "@/lib/credits/get-balance";
import { ensureBillingCustomer } from "@/lib/billing/purchases/ensure-billing-customer";
import { saveDefaultCard } from "@/lib/billing/purchases/save-default-card";
import { startSubscriptionPurchase } from "@/lib/billing/purchases/start-subscription-purchase";
import { reconcilePurchases } from "@/lib/billing/purchases/reconcile-purchases";
import { renewSubscriptions } from "@/lib/billing/subscriptions/renew-subscriptions";
import { getPlanState } from "@/lib/billing/subscriptions/get-plan-state";
import { cycleBounds } from "@/lib/plans/cycle-bounds";
import { enableAutoReload, previewAutoReload } from "@/lib/billing/auto-reload/set-auto-reload";
import { settleStaleReloads } from "@/lib/billing/auto-reload/settle-stale-reloads";
import type { TAutoReloadConfig } from "@/lib/billing/auto-reload/schemas";
import { createCreditsWorkspace, subscribe } from "@/prisma/seed/credits";
import { resetDatabase } from "@/test/reset-database";
import { startPaymentsHarness } from "@/test/helpers/payments-harness";

const DAY = 86_400_000;
type TWorkspace = Awaited<ReturnType<typeof createCreditsWorkspace>>;

describe("background jobs: one bad item never stops the run", () => {
  let harness: Awaited<ReturnType<typeof startPaymentsHarness>>;
  let n = 0;

  beforeAll(async () => {
    harness = await startPaymentsHarness();
  });
  afterAll(async () => harness.close());
  afterEach(async () => harness.flushWebhooks());
  beforeEach(() => resetDatabase());

  async function workspace(preset: keyof typeof POLICY_PRESETS = "never-expiring-top-ups-with-office-pool") {
    return createCreditsWorkspace(prisma, { label: `iso${++n}`, policy: POLICY_PRESETS[preset] });
  }

  async function ownerCard(ws: TWorkspace, card = "pm_card_visa") {
    const owner = ws.users.owner;
    const customer = await ensureBillingCustomer({ id: owner.id, email: owner.email, name: "Owner" });
    const method = await harness.stripe.paymentMethods.attach(card, { customer: customer.gatewayCustomerId });
    await saveDefaultCard({ userId: owner.id, paymentMethodId: method.id });
    return { customerId: customer.gatewayCustomerId, paymentMethodId: method.id };
  }

  /** A paid workspace plan whose period ended `daysAgo` days ago, renewable with the owner's saved card. */
  async function dueSubscription(ws: TWorkspace, daysAgo: number) {
    const owner = { userId: ws.users.owner.id, email: ws.users.owner.email, name: "Owner" };
    const card = await ownerCard(ws);
    const started = await startSubscriptionPurchase({ workspaceId: ws.workspace.id, userId: null, buyer: owner, planKey: "ai-starter", payWith: "saved_card", idempotencyKey: `sub-${ws.workspace.id}` });
    expect(started.status).toBe("succeeded");
    const state = (await getPlanState({ workspaceId: ws.workspace.id, userId: null }))!;
    const anchorAt = new Date(Date.now() - (30 + daysAgo) * DAY);
    await prisma.subscription.update({ where: { id: state.subscription.id }, data: { anchorAt, startedAt: anchorAt } });
    await prisma.subscriptionBilling.update({ where: { subscriptionId: state.subscription.id }, data: { paidThroughAt: cycleBounds(anchorAt, state.plan.interval, anchorAt).end } });
    return card;
  }

  const planStatus = async (ws: TWorkspace) => (await getPlanState({ workspaceId: ws.workspace.id, userId: null }))!;
  const ownerAlerts = (ws: TWorkspace, kind: string) => prisma.notification.count({ where: { workspaceId: ws.workspace.id, userId: ws.users.owner.id, kind } });

  it("renewals: a deleted customer and a detached card, oldest first, are each marked past due with a note and owners alerted; the later ones renew", async () => {
    const [gone, detached, odd, fine] = [await workspace(), await workspace(), await workspace(), await workspace()];
    const goneCard = await dueSubscription(gone, 4);
    const detachedCard = await dueSubscription(detached, 3);
    await dueSubscription(odd, 2);
    await dueSubscription(fine, 1);
    await harness.stripe.customers.del(goneCard.customerId);
    await harness.stripe.paymentMethods.detach(detachedCard.paymentMethodId);
    // Not a payment problem: the scheduled plan is gone, so the renewal itself throws.
    const oddState = (await getPlanState({ workspaceId: odd.workspace.id, userId: null }))!;
    await prisma.subscriptionBilling.update({ where: { subscriptionId: oddState.subscription.id }, data: { scheduledPlanId: "plan_that_is_gone" } });

    // One item per run, oldest first: an item that failed never holds the queue; the one that
    // threw is retried, behind those not tried yet.
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(await renewSubscriptions({ batch: 1 }));
    expect(runs.map((r) => [r.renewed, r.failed])).toEqual([[0, 1], [0, 1], [0, 1], [1, 0], [0, 1]]);
    expect((await planStatus(odd)).billing?.lastFailureMessage).toMatch(/will be tried again/);
    expect(await ownerAlerts(odd, "renewal_needs_attention")).toBe(1);

    for (const ws of [gone, detached]) {
      const state = await planStatus(ws);
      expect(state.current.status).toBe("past_due");
      expect(state.billing?.lastFailureMessage).toMatch(/saved card can no longer be charged/i);
      expect(await ownerAlerts(ws, "subscription_past_due")).toBe(1);
    }
    expect((await planStatus(fine)).current.status).toBe("active");
    expect((await planStatus(fine)).billing!.paidThroughAt.getTime()).toBeGreaterThan(Date.now());
  });

  async function stalePurchase(ws: TWorkspace, options: { kind?: "top_up" | "subscription"; status: "pending" | "succeeded"; paymentIntentId?: string; minutesAgo: number }) {
    const at = new Date(Date.now() - options.minutesAgo * 60_000);
    return prisma.purchase.create({
      data: {
        workspaceId: ws.workspace.id,
        buyerUserId: ws.users.owner.id,
        payerUserId: ws.users.owner.id,
        kind: options.kind ?? "top_up",
        status: options.status,
        description: "500 credits (top-up)",
        credits: 500,
        amountMinor: 1_000,
        currency: "usd",
        idempotencyKey: `stale-${crypto.randomUUID()}`,
        gatewayPaymentIntentId: options.paymentIntentId ?? null,
        createdAt: at,
        updatedAt: at,
        lines: { create: [{ beneficiaryUserId: ws.users.member.id, credits: 500, amountMinor: 1_000 }] },
      },
    });
  }

  it("reconciliation: a payment the gateway does not know and a fulfilment that throws are noted and owners alerted once; the others settle", async () => {
    const [a, b] = [await workspace(), await workspace()];
    const unknown = await stalePurchase(a, { status: "pending", paymentIntentId: "pi_unknown_to_the_gateway", minutesAgo: 30 });
    // A plan purchase with no plan recorded: its fulfilment cannot apply it.
    const broken = await stalePurchase(a, { kind: "subscription", status: "succeeded", minutesAgo: 30 });
    const paid = await harness.stripe.paymentIntents.create({ amount: 1_000, currency: "usd", payment_method: "pm_card_visa", confirm: true, metadata: { workspaceId: b.workspace.id } });
    const heard = await stalePurchase(b, { status: "pending", paymentIntentId: paid.id, minutesAgo: 20 });
    const interrupted = await stalePurchase(b, { status: "succeeded", minutesAgo: 20 });

    await reconcilePurchases();
    await reconcilePurchases({ now: new Date(Date.now() + 5 * 60_000) });

    const after = async (id: string) => prisma.purchase.findUniqueOrThrow({ where: { id } });
    expect(await after(heard.id)).toMatchObject({ status: "succeeded", fulfilledAt: expect.any(Date) });
    expect(await after(interrupted.id)).toMatchObject({ status: "succeeded", fulfilledAt: expect.any(Date) });
    expect((await getBalance({ workspaceId: b.workspace.id, member: b.users.member.id })).available).toBeGreaterThanOrEqual(1_000);
    for (const item of [unknown, broken]) {
      const noted = await after(item.id);
      expect(noted.jobErrorMessage).toBeTruthy();
      expect(noted.jobErrorAt).not.toBeNull();
    }
    expect(await after(unknown.id)).toMatchObject({ status: "pending", fulfilledAt: null });
    expect(await after(broken.id)).toMatchObject({ status: "succeeded", fulfilledAt: null });
    expect(await ownerAlerts(a, "purchase_needs_attention")).toBe(2);
  });

  const RELOAD: TAutoReloadConfig = { onExhaustion: true, onThreshold: false, thresholdCredits: null, amountMode: "fixed", amountCredits: 10_000, maxCreditsPerCycle: null };

  /** Auto-reload on (page 003) with a reload claimed `minutesAgo` by a request that then died. */
  async function staleReload(ws: TWorkspace, minutesAgo: number) {
    await subscribe(prisma, { workspaceId: ws.workspace.id, planKey: "business", anchorAt: new Date(Date.now() - DAY) });
    const card = await ownerCard(ws);
    const terms = await previewAutoReload({ workspaceId: ws.workspace.id, userId: ws.users.owner.id, config: RELOAD });
    await enableAutoReload({ workspaceId: ws.workspace.id, userId: ws.users.owner.id, config: RELOAD, termsKey: terms.termsKey });
    const since = new Date(Date.now() - minutesAgo * 60_000);
    const purchase = await prisma.purchase.create({
      data: {
        workspaceId: ws.workspace.id, buyerUserId: ws.users.owner.id, payerUserId: ws.users.owner.id, payerScope: "workspace", kind: "auto_reload", description: "10,000 credits (auto-reload, +30% surcharge)",
        credits: 10_000, amountMinor: 959, currency: "usd", idempotencyKey: `auto_reload:stale:${ws.workspace.id}`, createdAt: since,
        lines: { create: [{ beneficiaryUserId: null, credits: 10_000, amountMinor: 959 }] },
      },
    });
    await prisma.autoReloadSetting.update({ where: { workspaceId: ws.workspace.id }, data: { reloadingPurchaseId: purchase.id, reloadingSince: since } });
    return { purchase, card };
  }

  it("stale reloads: a payer whose customer was deleted gets a failed reload, the pause and the owners' alert; the next workspace's reload lands", async () => {
    const [gone, fine] = [await workspace("cycle-extras"), await workspace("cycle-extras")];
    const broken = await staleReload(gone, 10);
    const ok = await staleReload(fine, 5);
    await harness.stripe.customers.del(broken.card.customerId);

    await settleStaleReloads();

    expect(await prisma.purchase.findUniqueOrThrow({ where: { id: broken.purchase.id } })).toMatchObject({ status: "failed", failureMessage: expect.stringMatching(/saved card can no longer be charged/i) });
    expect(await prisma.autoReloadSetting.findUniqueOrThrow({ where: { workspaceId: gone.workspace.id } })).toMatchObject({ reloadingPurchaseId: null, blockedPurchaseId: broken.purchase.id });
    expect(await ownerAlerts(gone, "auto_reload_failed")).toBe(1);
    expect(await prisma.purchase.findUniqueOrThrow({ where: { id: ok.purchase.id } })).toMatchObject({ status: "succeeded", fulfilledAt: expect.any(Date) });
    expect((await getBalance({ workspaceId: fine.workspace.id, member: null })).available).toBeGreaterThanOrEqual(10_000);
  });
});

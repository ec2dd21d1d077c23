import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { POLICY_PRESETS } from "@/lib/credits/policy";
import { debitCredits } from "@/lib/credits/debit-credits";
import { getBalance } from "@/lib/credits/get-balance";
import { verifyLedger } from "@/lib/credits/verify-ledger";
import { ensureBillingCustomer } from "@/lib/billing/purchases/ensure-billing-customer";
import { saveDefaultCard } from "@/lib/billing/purchases/save-default-card";
import { enableAutoReload, previewAutoReload } from "@/lib/billing/auto-reload/set-auto-reload";
import { spendWithAutoReload } from "@/lib/billing/auto-reload/spend-with-auto-reload";
import { completeAutoReload } from "@/lib/billing/auto-reload/complete-auto-reload";
import { getAutoReloadView } from "@/lib/billing/auto-reload/get-auto-reload-view";
import { startCardSetup } from "@/lib/billing/payment-methods/start-card-setup";
import { finishCardSetup } from "@/lib/billing/payment-methods/finish-card-setup";
import type { TAutoReloadConfig } from "@/lib/billing/auto-reload/schemas";
import { createCreditsWorkspace, subscribe } from "@/prisma/seed/credits";
import { resetDatabase } from "@/test/reset-database";
import { startPaymentsHarness } from "@/test/helpers/payments-harness";

const CONFIG: TAutoReloadConfig = { onExhaustion: true, onThreshold: false, thresholdCredits: null, amountMode: "fixed", amountCredits: 10_000, maxCreditsPerCycle: null };

type TDelivery = { event_type: string; status: string; attempts: { status_code: number | null }[] };

// Issue 10 item 8: a failed auto-purchase, paid from the emailed link with another card.
describe("recovering a failed auto-reload", () => {
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
    await fetch(`${harness.sandbox.url}/_sandbox/reset`, { method: "POST", headers: controls() });
    ws = await createCreditsWorkspace(prisma, { label: "recovery", policy: POLICY_PRESETS["cycle-extras"] });
    workspaceId = ws.workspace.id;
  });

  /** Auto-reload on with a card every charge of which is declined, credits spent, the reload failed and work paused. */
  async function failedReload() {
    await subscribe(prisma, { workspaceId, planKey: "business", anchorAt: new Date(Date.now() - 86_400_000) });
    const owner = ws.users.owner;
    const customer = await ensureBillingCustomer({ id: owner.id, email: owner.email, name: "Owner" });
    const failing = await harness.stripe.paymentMethods.attach("pm_card_chargeCustomerFail", { customer: customer.gatewayCustomerId });
    await saveDefaultCard({ userId: owner.id, paymentMethodId: failing.id });
    const terms = await previewAutoReload({ workspaceId, userId: owner.id, config: CONFIG });
    await enableAutoReload({ workspaceId, userId: owner.id, config: CONFIG, termsKey: terms.termsKey });
    const { available } = await getBalance({ workspaceId, member: ws.users.member.id });
    if (available > 0) await debitCredits({ workspaceId, member: ws.users.member.id, feature: "chat_reply", credits: available, idempotencyKey: `drain-${crypto.randomUUID()}` });
    await expect(spend(50)).rejects.toMatchObject({ code: "credits_paused" });
    const blocked = await prisma.purchase.findFirstOrThrow({ where: { workspaceId, kind: "auto_reload" } });
    expect(blocked.status).toBe("failed");
    await harness.flushWebhooks();
    return { customer, failing, blocked };
  }

  const controls = () => ({ authorization: `Bearer ${harness.sandbox.controlToken}` });

  function spend(credits: number) {
    return spendWithAutoReload({
      workspaceId,
      member: ws.users.member.email,
      spend: () => debitCredits({ workspaceId, member: ws.users.member.email, feature: "chat_reply", credits, idempotencyKey: crypto.randomUUID() }),
    });
  }

  async function succeededDeliveries(): Promise<TDelivery[]> {
    await fetch(`${harness.sandbox.url}/_sandbox/webhooks/flush?hurry=true`, { method: "POST", headers: controls() });
    const list = (await (await fetch(`${harness.sandbox.url}/_sandbox/webhook_deliveries?type=payment_intent.succeeded`, { headers: controls() })).json()) as { data: TDelivery[] };
    return list.data;
  }

  const pausedReason = async () => (await prisma.creditWorkspaceState.findUnique({ where: { workspaceId } }))?.spendingPausedReason ?? null;
  const view = () => getAutoReloadView({ workspaceId, userId: ws.users.owner.id, workspaceSlug: ws.workspace.slug });

  async function expectFulfilled(purchaseId: string) {
    const purchase = await prisma.purchase.findUniqueOrThrow({ where: { id: purchaseId } });
    expect(purchase.status).toBe("succeeded");
    expect(purchase.fulfilledAt).not.toBeNull();
    expect(await prisma.creditGrant.count({ where: { purchaseId, source: "auto_reload" } })).toBe(1);
    expect(await prisma.invoice.count({ where: { purchaseId } })).toBe(1);
    expect(await prisma.emailOutbox.count({ where: { toAddress: ws.users.owner.email, kind: "billing_confirmation" } })).toBe(1);
    expect(await pausedReason()).toBeNull();
    expect((await view())?.blocked).toBeNull();
    expect((await verifyLedger(workspaceId)).ok).toBe(true);
  }

  it("another card on the link's page (setup_future_usage sent): the webhook alone fulfils it, saves the card and lifts the pause", async () => {
    const { blocked } = await failedReload();
    // What the recovery page's card form sends: a new card, kept for later off-session charges.
    const paid = await harness.stripe.paymentIntents.confirm(blocked.gatewayPaymentIntentId!, { payment_method: "pm_card_visa", setup_future_usage: "off_session" });
    expect(paid.status).toBe("succeeded");

    const deliveries = await succeededDeliveries();
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ status: "delivered" });
    expect(deliveries[0].attempts.map((a) => a.status_code)).toEqual([200]);
    await expectFulfilled(blocked.id);
    const customer = await prisma.billingCustomer.findUniqueOrThrow({ where: { userId: ws.users.owner.id } });
    expect(customer.defaultPaymentMethodId).toBe(paid.payment_method);
    expect(customer.cardLast4).toBe("4242");
    // The browser's own confirmation, arriving after the webhook, changes nothing more.
    expect((await completeAutoReload({ workspaceId, userId: ws.users.owner.id, purchaseId: blocked.id }))?.status).toBe("succeeded");
    await expectFulfilled(blocked.id);
    await expect(spend(50)).resolves.toMatchObject({ status: "captured", available: 9_950 });
  });

  it("a card that cannot become the default never blocks fulfilment: the page and the webhook both succeed, the old default stays", async () => {
    const { blocked, failing } = await failedReload();
    // Paid without setup_future_usage: the card is not attached to the customer, so it cannot be made the default.
    const paid = await harness.stripe.paymentIntents.confirm(blocked.gatewayPaymentIntentId!, { payment_method: "pm_card_visa" });
    expect(paid.status).toBe("succeeded");

    const settled = await completeAutoReload({ workspaceId, userId: ws.users.owner.id, purchaseId: blocked.id });
    expect(settled?.status).toBe("succeeded");
    const deliveries = await succeededDeliveries();
    expect(deliveries.map((d) => d.status)).toEqual(["delivered"]);
    await expectFulfilled(blocked.id);
    expect((await prisma.billingCustomer.findUniqueOrThrow({ where: { userId: ws.users.owner.id } })).defaultPaymentMethodId).toBe(failing.id);
  });

  it("the webhook alone, with a card that cannot become the default: answered 200 first time, invoice, receipt and pause lifted", async () => {
    const { blocked } = await failedReload();
    await harness.stripe.paymentIntents.confirm(blocked.gatewayPaymentIntentId!, { payment_method: "pm_card_mastercard" });
    const deliveries = await succeededDeliveries();
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0].attempts.map((a) => a.status_code)).toEqual([200]);
    await expectFulfilled(blocked.id);
  });

  it("updating the payment method lifts the pause at once, before any request retries", async () => {
    await failedReload();
    expect(await pausedReason()).toBe("auto_reload_payment_failed");
    const owner = ws.users.owner;
    const setup = await startCardSetup({ workspaceId, user: { id: owner.id, email: owner.email, name: "Owner" }, attemptKey: "replace-1" });
    await harness.stripe.setupIntents.confirm(setup.setupIntentId, { payment_method: "pm_card_visa" });
    await finishCardSetup({ workspaceId, userId: owner.id, setupIntentId: setup.setupIntentId });

    expect(await pausedReason()).toBeNull();
    expect((await view())?.blocked).toBeNull();
    await expect(spend(50)).resolves.toMatchObject({ status: "captured" });
  });
});

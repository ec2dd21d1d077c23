import { spawn } from "node:child_process";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { verifyLedger } from "@/lib/credits/verify-ledger";
import { prisma } from "@/lib/db";
import { POLICY_PRESETS } from "@/lib/credits/policy";
import { getBalance } from "@/lib/credits/get-balance";
import { handleStripeWebhook } from "@/lib/billing/handle-stripe-webhook";
import { signWebhookPayload } from "@/lib/payments/sandbox";
import { startPurchase } from "@/lib/billing/purchases/start-purchase";
import { reconcilePurchases } from "@/lib/billing/purchases/reconcile-purchases";
import { createCreditsWorkspace, subscribe } from "@/prisma/seed/credits";
import { resetDatabase } from "@/test/reset-database";
import { startPaymentsHarness, WEBHOOK_SECRET } from "@/test/helpers/payments-harness";

const PRESET = POLICY_PRESETS["never-expiring-top-ups-with-office-pool"];
const PACK = (PRESET.pricing as { packs: { credits: number }[] }).packs[0].credits;

function webhookRequest(payload: object, secret = WEBHOOK_SECRET) {
  const body = JSON.stringify(payload);
  return new Request("http://app.local/api/webhooks/stripe", {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": signWebhookPayload(body, secret) },
    body,
  });
}

describe("payment webhooks and reconciliation", () => {
  // Webhooks from the sandbox are off: each test delivers events itself, in the order it wants.
  let harness: Awaited<ReturnType<typeof startPaymentsHarness>>;
  let ws: Awaited<ReturnType<typeof createCreditsWorkspace>>;
  let buyer: { userId: string; email: string; name: string; role: string };

  beforeAll(async () => {
    harness = await startPaymentsHarness({ webhooks: false });
  });
  afterAll(async () => harness.close());
  afterEach(async () => harness.flushWebhooks());
  beforeEach(async () => {
    await resetDatabase();
    ws = await createCreditsWorkspace(prisma, { label: "hook", policy: PRESET });
    await subscribe(prisma, { workspaceId: ws.workspace.id, userId: ws.users.member.id, planKey: "ai-starter", anchorAt: new Date(Date.now() - 86_400_000) });
    buyer = { userId: ws.users.member.id, email: ws.users.member.email, name: "Member", role: "member" };
  });

  async function paidPurchase(key: string) {
    const started = await startPurchase({ workspaceId: ws.workspace.id, buyer, offerId: `pack-${PACK}`, target: "self", memberIds: [], payWith: "new_card", quotedAmountMinor: 1000, idempotencyKey: key });
    const intentId = started.clientSecret!.split("_secret_")[0];
    await harness.stripe.paymentIntents.confirm(intentId, { payment_method: "pm_card_visa" });
    const events = await harness.stripe.events.list({ limit: 100 });
    return { started, intentId, events: events.data.filter((event) => (event.data.object as { id?: string }).id === intentId) };
  }

  async function topUps() {
    const balance = await getBalance({ workspaceId: ws.workspace.id, member: buyer.userId });
    return balance.buckets.filter((b) => b.source === "top_up").reduce((sum, b) => sum + b.remaining, 0);
  }

  it("the succeeded event replayed five times, concurrently, grants once", async () => {
    const { events } = await paidPurchase("hook-replay-1");
    const succeeded = events.find((event) => event.type === "payment_intent.succeeded")!;
    const responses = await Promise.all(Array.from({ length: 5 }, () => handleStripeWebhook(webhookRequest(succeeded))));
    expect(responses.every((response) => response.status === 200)).toBe(true);
    expect(await topUps()).toBe(PACK);
    expect(await prisma.invoice.count()).toBe(1);
    expect(await prisma.emailOutbox.count({ where: { kind: "billing_confirmation" } })).toBe(1);
  });

  it("1,000 duplicate deliveries of the succeeded event, 50 at a time, make one grant", async () => {
    const { events } = await paidPurchase("hook-thousand-1");
    const succeeded = events.find((event) => event.type === "payment_intent.succeeded")!;
    for (let batch = 0; batch < 20; batch++) {
      const statuses = await Promise.all(Array.from({ length: 50 }, async () => (await handleStripeWebhook(webhookRequest(succeeded))).status));
      expect(statuses.every((status) => status === 200)).toBe(true);
    }
    expect(await topUps()).toBe(PACK);
    expect(await prisma.creditGrant.count({ where: { source: "top_up" } })).toBe(1);
    expect(await prisma.invoice.count()).toBe(1);
  });

  it("out of order (succeeded before requires_action and failed-looking events) still ends paid, once", async () => {
    const { events } = await paidPurchase("hook-order-1");
    for (const event of [...events].reverse()) expect((await handleStripeWebhook(webhookRequest(event))).status).toBe(200);
    const stale = { ...events[0], id: "evt_stale_failed", type: "payment_intent.payment_failed" };
    expect((await handleStripeWebhook(webhookRequest(stale))).status).toBe(200);
    expect((await prisma.purchase.findFirstOrThrow()).status).toBe("succeeded");
    expect(await topUps()).toBe(PACK);
  });

  it("a bad signature answers 400 and changes nothing", async () => {
    const { events } = await paidPurchase("hook-badsig-1");
    const succeeded = events.find((event) => event.type === "payment_intent.succeeded")!;
    const forged = await handleStripeWebhook(webhookRequest(succeeded, "whsec_not_the_secret"));
    expect(forged.status).toBe(400);
    const unsigned = await handleStripeWebhook(new Request("http://app.local", { method: "POST", body: JSON.stringify(succeeded) }));
    expect(unsigned.status).toBe(400);
    expect(await topUps()).toBe(0);
    expect(await prisma.gatewayEvent.count()).toBe(0);
  });

  it("paid but never heard of (tab closed, webhook lost): reconciliation grants exactly once", async () => {
    const { started } = await paidPurchase("hook-lost-1");
    expect((await prisma.purchase.findUniqueOrThrow({ where: { id: started.purchaseId } })).status).toBe("pending");
    const later = new Date(Date.now() + 5 * 60_000);
    const [first, second] = await Promise.all([reconcilePurchases({ now: later }), reconcilePurchases({ now: later })]);
    expect(first.settled + second.settled).toBeGreaterThanOrEqual(1);
    await reconcilePurchases({ now: later });
    expect(await topUps()).toBe(PACK);
    expect(await prisma.creditGrant.count({ where: { purchaseId: started.purchaseId } })).toBe(1);
  });

  it("a fulfilling process SIGKILLed again and again at random moments: reconciliation still grants, invoices and emails once", { timeout: 60_000 }, async () => {
    const { started } = await paidPurchase("hook-sigkill-1");
    // Paid, as the gateway says; the card is not re-saved here (the child talks to no gateway).
    await prisma.purchase.update({ where: { id: started.purchaseId }, data: { status: "succeeded", paymentMethodId: null } });
    for (let round = 0; round < 6; round++) {
      const child = spawn(process.execPath, ["--import", "tsx", "test/helpers/fulfil-child.ts", started.purchaseId], { env: process.env, stdio: "ignore" });
      const exited = new Promise((resolve) => child.once("exit", resolve));
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 200 + Math.floor(Math.random() * 900)))]);
      child.kill("SIGKILL");
      await exited;
    }
    await reconcilePurchases();
    await reconcilePurchases();
    expect(await topUps()).toBe(PACK);
    expect(await prisma.creditGrant.count({ where: { purchaseId: started.purchaseId } })).toBe(1);
    expect(await prisma.invoice.count({ where: { purchaseId: started.purchaseId } })).toBe(1);
    expect(await prisma.emailOutbox.count({ where: { kind: "billing_confirmation" } })).toBe(1);
    expect((await verifyLedger(ws.workspace.id)).ok).toBe(true);
  });

  it("the process died after the payment succeeded but before fulfilment: reconciliation finishes it once", async () => {
    const { started } = await paidPurchase("hook-crash-1");
    // What a crash between the status write and the grant leaves behind.
    await prisma.purchase.update({ where: { id: started.purchaseId }, data: { status: "succeeded" } });
    expect(await topUps()).toBe(0);
    await reconcilePurchases();
    await reconcilePurchases();
    expect(await topUps()).toBe(PACK);
    expect(await prisma.invoice.count({ where: { purchaseId: started.purchaseId } })).toBe(1);
  });
});

import { spawn } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma, pgPool, usesEmbeddedDatabase } from "@/lib/db";
import { POLICY_PRESETS } from "@/lib/credits/policy";
import { grantCredits } from "@/lib/credits/grant-credits";
import { debitCredits } from "@/lib/credits/debit-credits";
import { getBalance } from "@/lib/credits/get-balance";
import { verifyLedger } from "@/lib/credits/verify-ledger";
import { startPurchase } from "@/lib/billing/purchases/start-purchase";
import { reconcilePurchases } from "@/lib/billing/purchases/reconcile-purchases";
import { createStripeGateway } from "@/lib/payments/stripe-gateway";
import { setGatewayForTests } from "@/lib/payments/get-gateway";
import { createCreditsWorkspace, subscribe } from "@/prisma/seed/credits";
import { resetDatabase } from "@/test/reset-database";
import { startPaymentsHarness, WEBHOOK_SECRET } from "@/test/helpers/payments-harness";

const PRESET = POLICY_PRESETS["never-expiring-top-ups-with-office-pool"];
const PACK = (PRESET.pricing as { packs: { credits: number }[] }).packs[0].credits;
const PACK_PRICE_MINOR = (PRESET.pricing as { packs: { priceMinor: number }[] }).packs[0].priceMinor;

describe("faults", () => {
  let harness: Awaited<ReturnType<typeof startPaymentsHarness>>;
  let ws: Awaited<ReturnType<typeof createCreditsWorkspace>>;

  beforeAll(async () => {
    harness = await startPaymentsHarness();
  });
  afterAll(async () => harness.close());
  beforeEach(async () => {
    await resetDatabase();
    ws = await createCreditsWorkspace(prisma, { label: "faults", policy: { ...PRESET, ledger: { ...PRESET.ledger, starterCredits: 0 } } });
    await grantCredits({ workspaceId: ws.workspace.id, member: ws.users.member.id, credits: 100, source: "promotional", memo: "seed", idempotencyKey: "faults-seed" });
  });

  // PGlite has one session and no backends to terminate; CI runs this on PostgreSQL.
  it.skipIf(usesEmbeddedDatabase())("the database connection killed mid-debit leaves no partial write, and the app carries on", async () => {
    const account = await prisma.creditAccount.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, userId: ws.users.member.id } });
    const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await blocker.connect();
    try {
      await blocker.query("BEGIN");
      await blocker.query("SELECT id FROM credit_accounts WHERE id = $1 FOR UPDATE", [account.id]);
      const debit = debitCredits({ workspaceId: ws.workspace.id, member: ws.users.member.id, feature: "chat_reply", credits: 7, idempotencyKey: "killed-debit" });
      const outcome = debit.then(() => "succeeded", () => "failed");
      let victim: number | undefined;
      for (let i = 0; i < 100 && !victim; i++) {
        // The debit's backend, waiting on the account lock the blocker holds.
        const { rows } = await blocker.query<{ pid: number }>(
          "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
        );
        victim = rows[0]?.pid;
        if (!victim) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(victim).toBeDefined();
      await blocker.query("SELECT pg_terminate_backend($1)", [victim]);
      expect(await outcome).toBe("failed");
    } finally {
      await blocker.query("ROLLBACK").catch(() => undefined);
      await blocker.end();
    }

    expect(await prisma.creditUsage.count({ where: { workspaceId: ws.workspace.id } })).toBe(0);
    expect((await getBalance({ workspaceId: ws.workspace.id, member: ws.users.member.id })).available).toBe(100);
    expect((await verifyLedger(ws.workspace.id)).ok).toBe(true);
    // The same key is still free: the request never happened.
    const retried = await debitCredits({ workspaceId: ws.workspace.id, member: ws.users.member.id, feature: "chat_reply", credits: 7, idempotencyKey: "killed-debit" });
    expect(retried.available).toBe(93);
    expect((await pgPool().query("SELECT 1 AS ok")).rows[0].ok).toBe(1);
  });

  // What a database restart looks like from the app: every connection dropped at once, under load.
  it.skipIf(usesEmbeddedDatabase())("every connection dropped under load: requests in flight fail cleanly, the app reconnects by itself", async () => {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    const outcomes: string[] = [];
    const load = Array.from({ length: 40 }, (_, i) =>
      new Promise((resolve) => setTimeout(resolve, i * 5))
        .then(() => debitCredits({ workspaceId: ws.workspace.id, member: ws.users.member.id, feature: "chat_reply", credits: 1, idempotencyKey: `restart-${i}` }))
        .then(() => outcomes.push("ok"), () => outcomes.push("failed")),
    );
    await new Promise((resolve) => setTimeout(resolve, 60));
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
    await Promise.all(load);
    await admin.end();
    expect(outcomes).toHaveLength(40);

    // Afterwards the same pool serves again, and the ledger adds up: only completed debits count.
    const after = await debitCredits({ workspaceId: ws.workspace.id, member: ws.users.member.id, feature: "chat_reply", credits: 1, idempotencyKey: "restart-after" });
    const succeeded = await prisma.creditUsage.count({ where: { workspaceId: ws.workspace.id } });
    expect(after.available).toBe(100 - succeeded);
    expect((await verifyLedger(ws.workspace.id)).ok).toBe(true);
  });

  describe("the server killed after the card was charged, before the purchase stored the PaymentIntent id", () => {
    const buyer = () => ({ userId: ws.users.member.id, email: ws.users.member.email, name: "Member", role: "member" });

    /** A saved card, then a one-click purchase in a child process that dies right after the charge. */
    async function chargeThenDie(idempotencyKey: string) {
      await subscribe(prisma, { workspaceId: ws.workspace.id, userId: ws.users.member.id, planKey: "ai-starter", anchorAt: new Date(Date.now() - 86_400_000) });
      const customer = await harness.stripe.customers.create({ email: ws.users.member.email });
      const card = await harness.stripe.paymentMethods.attach("pm_card_visa", { customer: customer.id });
      await prisma.billingCustomer.create({ data: { userId: ws.users.member.id, gatewayCustomerId: customer.id, defaultPaymentMethodId: card.id, cardBrand: "visa", cardLast4: "4242" } });
      const input = { workspaceId: ws.workspace.id, buyer: buyer(), offerId: `pack-${PACK}`, target: "self", memberIds: [], payWith: "saved_card", quotedAmountMinor: PACK_PRICE_MINOR, idempotencyKey };
      const child = spawn(process.execPath, ["--import", "tsx", "test/helpers/charge-then-die-child.ts", String(harness.sandbox.port), "sk_test_it", JSON.stringify(input)], { env: process.env, stdio: "ignore" });
      const signal = await new Promise((resolve) => child.once("exit", (_code, sig) => resolve(sig)));
      expect(signal).toBe("SIGKILL");
      const purchase = await prisma.purchase.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, idempotencyKey } });
      // What the crash leaves: Stripe took the money, Refill has a pending purchase with no payment id.
      expect(purchase).toMatchObject({ status: "pending", gatewayPaymentIntentId: null, fulfilledAt: null });
      const charged = await harness.stripe.paymentIntents.search({ query: `metadata['purchaseId']:'${purchase.id}'` });
      expect(charged.data.map((intent) => intent.status)).toEqual(["succeeded"]);
      return { purchase, intentId: charged.data[0].id };
    }

    async function expectGrantedAndInvoicedOnce(purchaseId: string, intentId: string) {
      expect(await prisma.purchase.findUniqueOrThrow({ where: { id: purchaseId } })).toMatchObject({ status: "succeeded", gatewayPaymentIntentId: intentId });
      expect(await prisma.creditGrant.count({ where: { purchaseId } })).toBe(1);
      expect(await prisma.invoice.count({ where: { purchaseId } })).toBe(1);
      expect(await prisma.emailOutbox.count({ where: { kind: "billing_confirmation" } })).toBe(1);
      const balance = await getBalance({ workspaceId: ws.workspace.id, member: ws.users.member.id });
      expect(balance.buckets.filter((b) => b.source === "top_up").reduce((sum, b) => sum + b.remaining, 0)).toBe(PACK);
      expect((await verifyLedger(ws.workspace.id)).problems).toEqual([]);
    }

    it("the webhook matches the payment by metadata.purchaseId: granted once, invoiced once", { timeout: 30_000 }, async () => {
      const { purchase, intentId } = await chargeThenDie("killed-after-charge");
      await harness.flushWebhooks();
      await expectGrantedAndInvoicedOnce(purchase.id, intentId);
      // Reconciliation and a late duplicate find nothing more to do.
      await reconcilePurchases({ now: new Date(Date.now() + 5 * 60_000) });
      await expectGrantedAndInvoicedOnce(purchase.id, intentId);
    });

    it("its webhooks lost too: reconciliation finds the payment by searching its metadata, granted once, invoiced once", { timeout: 30_000 }, async () => {
      const endpoints = await harness.stripe.webhookEndpoints.list();
      for (const endpoint of endpoints.data) await harness.stripe.webhookEndpoints.update(endpoint.id, { disabled: true });
      try {
        const { purchase, intentId } = await chargeThenDie("killed-and-unheard");
        await harness.flushWebhooks();
        expect(await prisma.creditGrant.count({ where: { purchaseId: purchase.id } })).toBe(0);
        const later = new Date(Date.now() + 5 * 60_000);
        await Promise.all([reconcilePurchases({ now: later }), reconcilePurchases({ now: later })]);
        await reconcilePurchases({ now: later });
        await expectGrantedAndInvoicedOnce(purchase.id, intentId);
      } finally {
        for (const endpoint of endpoints.data) await harness.stripe.webhookEndpoints.update(endpoint.id, { disabled: false });
      }
    });
  });

  it("the payment service down: a clear error, nothing charged or granted; the same purchase goes through later", async () => {
    await subscribe(prisma, { workspaceId: ws.workspace.id, userId: ws.users.member.id, planKey: "ai-starter", anchorAt: new Date(Date.now() - 86_400_000) });
    const buyer = { userId: ws.users.member.id, email: ws.users.member.email, name: "Member", role: "member" };
    const input = { workspaceId: ws.workspace.id, buyer, offerId: `pack-${PACK}`, target: "self" as const, memberIds: [], payWith: "new_card" as const, quotedAmountMinor: 1000, idempotencyKey: "down-then-up" };
    setGatewayForTests(createStripeGateway({ secretKey: "sk_test_x", publishableKey: "pk_test_x", webhookSecret: WEBHOOK_SECRET, connection: { host: "127.0.0.1", port: 1, protocol: "http" } }));
    await expect(startPurchase(input)).rejects.toMatchObject({ code: "unavailable", message: expect.stringMatching(/not reachable.*Nothing was charged/) });
    expect(await prisma.purchase.count()).toBe(0);

    setGatewayForTests(createStripeGateway({ secretKey: "sk_test_it", publishableKey: "pk_test_it", webhookSecret: WEBHOOK_SECRET, connection: { host: "127.0.0.1", port: harness.sandbox.port, protocol: "http" } }));
    const started = await startPurchase(input);
    expect(started.status).toBe("requires_payment_method");
    expect(await prisma.purchase.count()).toBe(1);
  });
});

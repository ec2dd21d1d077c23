import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getBalance } from "@/lib/credits/get-balance";
import { verifyLedger } from "@/lib/credits/verify-ledger";
import { POLICY_PRESETS } from "@/lib/credits/policy";
import { startPurchase } from "@/lib/billing/purchases/start-purchase";
import { settlePurchase } from "@/lib/billing/purchases/settle-purchase";
import { ensureBillingCustomer } from "@/lib/billing/purchases/ensure-billing-customer";
import { saveDefaultCard } from "@/lib/billing/purchases/save-default-card";
import { createCreditsWorkspace, subscribe } from "@/prisma/seed/credits";
import { resetDatabase } from "@/test/reset-database";
import { startPaymentsHarness } from "@/test/helpers/payments-harness";

const PRESET = POLICY_PRESETS["never-expiring-top-ups-with-office-pool"];
const OFFER = `pack-${(PRESET.pricing as { packs: { credits: number }[] }).packs[0].credits}`;
const PACK_CREDITS = (PRESET.pricing as { packs: { credits: number }[] }).packs[0].credits;

describe("buying credits through the sandbox", () => {
  let harness: Awaited<ReturnType<typeof startPaymentsHarness>>;
  let ws: Awaited<ReturnType<typeof createCreditsWorkspace>>;
  let buyer: { userId: string; email: string; name: string; role: string };

  beforeAll(async () => {
    harness = await startPaymentsHarness();
  });
  afterAll(async () => harness.close());
  // Let late webhook retries of one test land before the next test empties the tables.
  afterEach(async () => harness.flushWebhooks());
  beforeEach(async () => {
    await resetDatabase();
    ws = await createCreditsWorkspace(prisma, { label: "buy", policy: PRESET });
    await subscribe(prisma, { workspaceId: ws.workspace.id, userId: ws.users.member.id, planKey: "ai-starter", anchorAt: new Date(Date.now() - 86_400_000) });
    buyer = { userId: ws.users.member.id, email: ws.users.member.email, name: "Member", role: "member" };
  });

  async function topUps() {
    const balance = await getBalance({ workspaceId: ws.workspace.id, member: buyer.userId });
    return balance.buckets.filter((b) => b.source === "top_up").reduce((sum, b) => sum + b.remaining, 0);
  }

  async function payInBrowser(purchase: { purchaseId: string; clientSecret: string | null }, card: string) {
    const paymentIntentId = purchase.clientSecret!.split("_secret_")[0];
    return harness.stripe.paymentIntents.confirm(paymentIntentId, { payment_method: card }).catch((error) => error);
  }

  it("new card: the browser confirms, credits land once whoever settles first, invoice and email follow, the card is saved", async () => {
    const started = await startPurchase({ workspaceId: ws.workspace.id, buyer, offerId: OFFER, target: "self", memberIds: [], payWith: "new_card", quotedAmountMinor: 1000, idempotencyKey: "buy-key-0001" });
    expect(started).toMatchObject({ status: "requires_payment_method", credits: PACK_CREDITS });
    await payInBrowser(started, "pm_card_visa");
    await Promise.all([settlePurchase({ workspaceId: ws.workspace.id, purchaseId: started.purchaseId }), settlePurchase({ workspaceId: ws.workspace.id, purchaseId: started.purchaseId }), harness.flushWebhooks()]);
    await harness.flushWebhooks();

    expect(await topUps()).toBe(PACK_CREDITS);
    expect(await prisma.creditGrant.count({ where: { purchaseId: started.purchaseId } })).toBe(1);
    const invoice = await prisma.invoice.findUniqueOrThrow({ where: { purchaseId: started.purchaseId } });
    expect(invoice).toMatchObject({ number: 1, totalMinor: started.amountMinor });
    expect(await prisma.emailOutbox.count({ where: { toAddress: buyer.email, kind: "billing_confirmation" } })).toBe(1);
    const customer = await prisma.billingCustomer.findUniqueOrThrow({ where: { userId: buyer.userId } });
    expect(customer).toMatchObject({ cardLast4: "4242", cardBrand: "visa" });
    expect((await verifyLedger(ws.workspace.id)).ok).toBe(true);

    const oneClick = await startPurchase({ workspaceId: ws.workspace.id, buyer, offerId: OFFER, target: "self", memberIds: [], payWith: "saved_card", quotedAmountMinor: 1000, idempotencyKey: "buy-key-0002" });
    expect(oneClick.status).toBe("succeeded");
    expect(await topUps()).toBe(2 * PACK_CREDITS);
    expect((await prisma.invoice.findUniqueOrThrow({ where: { purchaseId: oneClick.purchaseId } })).number).toBe(2);
  });

  it("the same purchase key twice at once makes one purchase and one charge", async () => {
    const input = { workspaceId: ws.workspace.id, buyer, offerId: OFFER, target: "self" as const, memberIds: [], payWith: "new_card" as const, quotedAmountMinor: 1000, idempotencyKey: "double-click-1" };
    const [a, b] = await Promise.all([startPurchase(input), startPurchase(input)]);
    expect(a.purchaseId).toBe(b.purchaseId);
    expect(await prisma.purchase.count()).toBe(1);
    expect((await harness.stripe.paymentIntents.list({ limit: 100 })).data.filter((pi) => pi.metadata?.purchaseId === a.purchaseId)).toHaveLength(1);
  });

  it("a decline shows the issuer's reason, grants nothing, and the same purchase succeeds with another card", async () => {
    const started = await startPurchase({ workspaceId: ws.workspace.id, buyer, offerId: OFFER, target: "self", memberIds: [], payWith: "new_card", quotedAmountMinor: 1000, idempotencyKey: "decline-0001" });
    await payInBrowser(started, "pm_card_visa_chargeDeclinedInsufficientFunds");
    const failed = await settlePurchase({ workspaceId: ws.workspace.id, purchaseId: started.purchaseId });
    expect(failed).toMatchObject({ status: "failed", failureCode: "insufficient_funds" });
    expect(failed?.failureMessage).toMatch(/insufficient funds/i);
    expect(await topUps()).toBe(0);

    await payInBrowser(started, "pm_card_mastercard");
    const paid = await settlePurchase({ workspaceId: ws.workspace.id, purchaseId: started.purchaseId });
    expect(paid?.status).toBe("succeeded");
    expect(await topUps()).toBe(PACK_CREDITS);
  });

  it("3-D Secure: completed → paid; failed → nothing charged and a clear reason", async () => {
    const passing = await startPurchase({ workspaceId: ws.workspace.id, buyer, offerId: OFFER, target: "self", memberIds: [], payWith: "new_card", quotedAmountMinor: 1000, idempotencyKey: "3ds-pass-001" });
    const intent = await payInBrowser(passing, "pm_card_threeDSecure2Required");
    expect(intent.status).toBe("requires_action");
    await harness.authenticate(intent.id, passing.clientSecret!, "complete");
    expect((await settlePurchase({ workspaceId: ws.workspace.id, purchaseId: passing.purchaseId }))?.status).toBe("succeeded");

    const failing = await startPurchase({ workspaceId: ws.workspace.id, buyer, offerId: OFFER, target: "self", memberIds: [], payWith: "new_card", quotedAmountMinor: 1000, idempotencyKey: "3ds-fail-001" });
    const challenged = await payInBrowser(failing, "pm_card_threeDSecure2Required");
    await harness.authenticate(challenged.id, failing.clientSecret!, "fail");
    const failed = await settlePurchase({ workspaceId: ws.workspace.id, purchaseId: failing.purchaseId });
    expect(failed).toMatchObject({ status: "failed", failureCode: "payment_intent_authentication_failure" });
    expect(await topUps()).toBe(PACK_CREDITS);
  });

  it("a saved card that fails falls back to a new card on the same purchase, which becomes the default", async () => {
    const customer = await ensureBillingCustomer({ id: buyer.userId, email: buyer.email, name: buyer.name });
    const failingCard = await harness.stripe.paymentMethods.attach("pm_card_chargeCustomerFail", { customer: customer.gatewayCustomerId });
    await saveDefaultCard({ userId: buyer.userId, paymentMethodId: failingCard.id });
    const declinedSaved = await startPurchase({ workspaceId: ws.workspace.id, buyer, offerId: OFFER, target: "self", memberIds: [], payWith: "saved_card", quotedAmountMinor: 1000, idempotencyKey: "fallback-002" });
    expect(declinedSaved.status).toBe("failed");
    expect(declinedSaved.message).toMatch(/declined/i);
    expect(declinedSaved.clientSecret).toBeTruthy();
    await payInBrowser(declinedSaved, "pm_card_visa");
    expect((await settlePurchase({ workspaceId: ws.workspace.id, purchaseId: declinedSaved.purchaseId }))?.status).toBe("succeeded");
    expect((await prisma.billingCustomer.findUniqueOrThrow({ where: { userId: buyer.userId } })).cardLast4).toBe("4242");
  });

  it("an admin without a plan of their own buys for a member on a plan; a member without one is refused", async () => {
    const admin = { userId: ws.users.admin.id, email: ws.users.admin.email, name: "Admin", role: "admin" };
    // Bought for a member: charged to the workspace's card (the owner's).
    const customer = await ensureBillingCustomer({ id: ws.users.owner.id, email: ws.users.owner.email, name: "Owner" });
    const card = await harness.stripe.paymentMethods.attach("pm_card_visa", { customer: customer.gatewayCustomerId });
    await saveDefaultCard({ userId: ws.users.owner.id, paymentMethodId: card.id });
    const bought = await startPurchase({ workspaceId: ws.workspace.id, buyer: admin, offerId: OFFER, target: "members", memberIds: [ws.users.member.id], payWith: "saved_card", quotedAmountMinor: 1000, idempotencyKey: "admin-for-member" });
    expect(bought.status).toBe("succeeded");
    expect(await topUps()).toBe(PACK_CREDITS);
    await expect(startPurchase({ workspaceId: ws.workspace.id, buyer: admin, offerId: OFFER, target: "members", memberIds: [ws.users.owner.id], payWith: "saved_card", quotedAmountMinor: 1000, idempotencyKey: "admin-for-owner" })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("refuses without a paid plan, for a viewer, and for unknown offers, and changes nothing", async () => {
    await prisma.subscription.deleteMany({});
    await expect(startPurchase({ workspaceId: ws.workspace.id, buyer, offerId: OFFER, target: "self", memberIds: [], payWith: "new_card", quotedAmountMinor: 1000, idempotencyKey: "noplan-0001" })).rejects.toMatchObject({ code: "forbidden" });
    const viewer = { userId: ws.users.viewer.id, email: ws.users.viewer.email, name: "V", role: "viewer" };
    await expect(startPurchase({ workspaceId: ws.workspace.id, buyer: viewer, offerId: OFFER, target: "self", memberIds: [], payWith: "new_card", quotedAmountMinor: 1000, idempotencyKey: "viewer-0001" })).rejects.toMatchObject({ code: "forbidden" });
    await subscribe(prisma, { workspaceId: ws.workspace.id, userId: buyer.userId, planKey: "ai-starter", anchorAt: new Date() });
    await expect(startPurchase({ workspaceId: ws.workspace.id, buyer, offerId: "pack-1", target: "self", memberIds: [], payWith: "new_card", quotedAmountMinor: 1000, idempotencyKey: "badoffer-001" })).rejects.toMatchObject({ code: "invalid_request" });
    await expect(startPurchase({ workspaceId: ws.workspace.id, buyer, offerId: OFFER, target: "members", memberIds: [ws.users.admin.id], payWith: "new_card", quotedAmountMinor: 1000, idempotencyKey: "others-0001" })).rejects.toMatchObject({ code: "forbidden" });
    expect(await prisma.purchase.count()).toBe(0);
  });
});

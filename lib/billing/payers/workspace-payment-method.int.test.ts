import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { prisma } from "@/lib/db";
import { getBalance } from "@/lib/credits/get-balance";
import { POLICY_PRESETS } from "@/lib/credits/policy";
import { startPurchase } from "@/lib/billing/purchases/start-purchase";
import { ensureBillingCustomer } from "@/lib/billing/purchases/ensure-billing-customer";
import { saveDefaultCard } from "@/lib/billing/purchases/save-default-card";
import { approveTopUpRequest } from "@/lib/requests/approve-topup-request";
import { getPaymentSource } from "@/lib/billing/payers/get-payment-source";
import { paymentSourceLine } from "@/lib/billing/payers/payment-source-line";
import { createCreditsWorkspace, subscribe } from "@/prisma/seed/credits";
import { addMember, createUser } from "@/prisma/seed/identity";
import { resetDatabase } from "@/test/reset-database";
import { startPaymentsHarness } from "@/test/helpers/payments-harness";

// Page 002: admins buy for editors and approve requests; "the top-up fee is charged automatically
// to the workspace's saved payment method" — the owner's card, not the admin's.
const PRESET = POLICY_PRESETS["per-editor-top-ups"];
const OFFER = "pack-3000";

describe("who pays: the workspace's payment method", () => {
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
    ws = await createCreditsWorkspace(prisma, { label: "payer", policy: PRESET });
    workspaceId = ws.workspace.id;
    await subscribe(prisma, { workspaceId, planKey: "team", anchorAt: new Date(Date.now() - 86_400_000) });
  });

  const person = async (role: "owner" | "admin" | "member") => {
    const user = await prisma.user.findUniqueOrThrow({ where: { id: ws.users[role].id } });
    return { userId: user.id, email: user.email, name: user.name, role };
  };

  async function saveCard(userId: string, card = "pm_card_visa") {
    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
    const customer = await ensureBillingCustomer({ id: user.id, email: user.email, name: user.name });
    const attached = await harness.stripe.paymentMethods.attach(card, { customer: customer.gatewayCustomerId });
    await saveDefaultCard({ userId: user.id, paymentMethodId: attached.id });
    return customer.gatewayCustomerId;
  }

  const intentsOf = async (purchaseId: string) => (await harness.stripe.paymentIntents.list({ limit: 100 })).data.filter((pi) => pi.metadata?.purchaseId === purchaseId);

  it("an admin without a card buys for a member in one click: the owner's card is charged, the admin's never", async () => {
    const ownerCustomer = await saveCard(ws.users.owner.id);
    const admin = await person("admin");
    const bought = await startPurchase({ workspaceId, buyer: admin, offerId: OFFER, target: "members", memberIds: [ws.users.member.id], payWith: "saved_card", quotedAmountMinor: 1000, idempotencyKey: "ws-card-1" });
    expect(bought.status).toBe("succeeded");
    const [intent] = await intentsOf(bought.purchaseId);
    expect(intent.customer).toBe(ownerCustomer);
    expect(await prisma.billingCustomer.count({ where: { userId: admin.userId } })).toBe(0);
    const balance = await getBalance({ workspaceId, member: ws.users.member.id });
    expect(balance.buckets.filter((b) => b.source === "top_up").reduce((s, b) => s + b.remaining, 0)).toBe(3_000);
  });

  it("an approval is charged to the workspace's card even when the approving admin has a card of their own", async () => {
    const ownerCustomer = await saveCard(ws.users.owner.id);
    const adminCustomer = await saveCard(ws.users.admin.id, "pm_card_mastercard");
    const request = await prisma.topUpRequest.create({ data: { workspaceId, requesterId: ws.users.member.id, offerId: OFFER, credits: 3_000, amountMinor: 1_000, currency: "usd" } });
    const approved = await approveTopUpRequest({ workspaceId, requestId: request.id, approver: await person("admin"), payWith: "saved_card" });
    expect(approved.status).toBe("approved");
    const [intent] = await intentsOf(approved.purchase.purchaseId);
    expect(intent.customer).toBe(ownerCustomer);
    expect(intent.customer).not.toBe(adminCustomer);
  });

  it("only the card's holder may type another card for the workspace; an admin is told whose card pays", async () => {
    await saveCard(ws.users.owner.id);
    const admin = await person("admin");
    await expect(startPurchase({ workspaceId, buyer: admin, offerId: OFFER, target: "members", memberIds: [ws.users.member.id], payWith: "new_card", quotedAmountMinor: 1000, idempotencyKey: "ws-card-new" }))
      .rejects.toMatchObject({ code: "forbidden" });
    expect(await prisma.purchase.count()).toBe(0);

    const source = await getPaymentSource({ workspaceId, userId: admin.userId, scope: "workspace" });
    const owner = await person("owner");
    expect(source).toMatchObject({ scope: "workspace", card: { brand: "visa", last4: "4242" }, holderName: owner.name, holderIsYou: false, canUseNewCard: false });
    expect(paymentSourceLine(source)).toBe(`Visa •••• 4242 — the workspace's card, ${owner.name}'s`);
    expect(JSON.stringify(source)).not.toMatch(/pm_|cus_|exp/);
    const mine = await getPaymentSource({ workspaceId, userId: owner.userId, scope: "workspace" });
    expect(paymentSourceLine(mine)).toBe("Visa •••• 4242 — the workspace's card, yours");
  });

  it("without a workspace card an admin's purchase is refused plainly and nothing is created", async () => {
    await saveCard(ws.users.admin.id);
    await expect(startPurchase({ workspaceId, buyer: await person("admin"), offerId: OFFER, target: "members", memberIds: [ws.users.member.id], payWith: "saved_card", quotedAmountMinor: 1000, idempotencyKey: "ws-none" }))
      .rejects.toMatchObject({ code: "invalid_request", message: expect.stringMatching(/workspace has no card yet/) });
    expect(await prisma.purchase.count()).toBe(0);
  });

  it("the owner's new card on a workspace purchase becomes the workspace's card for later purchases (page 001)", async () => {
    const owner = await person("owner");
    const started = await startPurchase({ workspaceId, buyer: owner, offerId: OFFER, target: "members", memberIds: [ws.users.member.id], payWith: "new_card", quotedAmountMinor: 1000, idempotencyKey: "ws-owner-new" });
    await harness.stripe.paymentIntents.confirm(started.clientSecret!.split("_secret_")[0], { payment_method: "pm_card_mastercard" });
    const { settlePurchase } = await import("@/lib/billing/purchases/settle-purchase");
    expect((await settlePurchase({ workspaceId, purchaseId: started.purchaseId }))?.status).toBe("succeeded");
    const source = await getPaymentSource({ workspaceId, userId: ws.users.admin.id, scope: "workspace" });
    expect(source.card).toEqual({ brand: "mastercard", last4: "4444" });
  });

  it("a member's own top-up (page 000) is charged to their own card, never the workspace's", async () => {
    await prisma.workspace.update({ where: { id: workspaceId }, data: { policy: POLICY_PRESETS["never-expiring-top-ups-with-office-pool"] } });
    await subscribe(prisma, { workspaceId, userId: ws.users.member.id, planKey: "ai-starter", anchorAt: new Date(Date.now() - 86_400_000) });
    await saveCard(ws.users.owner.id);
    const memberCustomer = await saveCard(ws.users.member.id, "pm_card_mastercard");
    const packs = (POLICY_PRESETS["never-expiring-top-ups-with-office-pool"].pricing as { packs: { credits: number }[] }).packs;
    const bought = await startPurchase({ workspaceId, buyer: await person("member"), offerId: `pack-${packs[0].credits}`, target: "self", memberIds: [], payWith: "saved_card", quotedAmountMinor: 1000, idempotencyKey: "own-1" });
    expect(bought.status).toBe("succeeded");
    expect((await intentsOf(bought.purchaseId))[0].customer).toBe(memberCustomer);
  });

  it("migration: an existing workspace's payment method is the card it already paid with", async () => {
    const second = await createUser(prisma, { email: `second-${workspaceId}@test.local`, name: "Second Owner" });
    await addMember(prisma, { workspaceId, userId: second.id, role: "owner" });
    await saveCard(second.id);
    const sql = readFileSync("prisma/migrations/20261203183521_workspace_payment_method/migration.sql", "utf8");
    const backfill = sql.slice(sql.indexOf('UPDATE "workspaces"'), sql.indexOf(");", sql.indexOf('UPDATE "workspaces"')) + 2);
    await prisma.workspace.update({ where: { id: workspaceId }, data: { billingOwnerUserId: null } });
    await prisma.$executeRawUnsafe(backfill);
    // The first owner has no card; the second, who has one, becomes the billing owner.
    expect((await prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId } })).billingOwnerUserId).toBe(second.id);
  });
});

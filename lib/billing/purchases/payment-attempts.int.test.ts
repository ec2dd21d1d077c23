import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { POLICY_PRESETS } from "@/lib/credits/policy";
import { getGateway } from "@/lib/payments/get-gateway";
import { startPurchase } from "@/lib/billing/purchases/start-purchase";
import { settlePurchase } from "@/lib/billing/purchases/settle-purchase";
import { ensureBillingCustomer } from "@/lib/billing/purchases/ensure-billing-customer";
import { saveDefaultCard } from "@/lib/billing/purchases/save-default-card";
import { createCreditsWorkspace, subscribe } from "@/prisma/seed/credits";
import { resetDatabase } from "@/test/reset-database";
import { startPaymentsHarness } from "@/test/helpers/payments-harness";

const PRESET = POLICY_PRESETS["never-expiring-top-ups-with-office-pool"];
const OFFER = `pack-${(PRESET.pricing as { packs: { credits: number }[] }).packs[0].credits}`;

describe("payment attempts: one key per attempt with one payment method", () => {
  let harness: Awaited<ReturnType<typeof startPaymentsHarness>>;
  let ws: Awaited<ReturnType<typeof createCreditsWorkspace>>;
  let buyer: { userId: string; email: string; name: string; role: string };

  beforeAll(async () => {
    harness = await startPaymentsHarness();
  });
  afterAll(async () => harness.close());
  afterEach(async () => harness.flushWebhooks());
  beforeEach(async () => {
    await resetDatabase();
    ws = await createCreditsWorkspace(prisma, { label: "attempts", policy: PRESET });
    await subscribe(prisma, { workspaceId: ws.workspace.id, userId: ws.users.member.id, planKey: "ai-starter", anchorAt: new Date(Date.now() - 86_400_000) });
    buyer = { userId: ws.users.member.id, email: ws.users.member.email, name: "Member", role: "member" };
  });

  async function savedCard(card = "pm_card_visa") {
    const customer = await ensureBillingCustomer({ id: buyer.userId, email: buyer.email, name: buyer.name });
    const method = await harness.stripe.paymentMethods.attach(card, { customer: customer.gatewayCustomerId });
    await saveDefaultCard({ userId: buyer.userId, paymentMethodId: method.id });
    return { customerId: customer.gatewayCustomerId, paymentMethodId: method.id };
  }

  const buy = (payWith: "saved_card" | "new_card") =>
    startPurchase({ workspaceId: ws.workspace.id, buyer, offerId: OFFER, target: "self", memberIds: [], payWith, quotedAmountMinor: 1000, idempotencyKey: "attempt-key-0001" });

  it("a saved card the gateway refuses fails clearly; the retry with a new card under the same purchase key is its own attempt, paid once", async () => {
    const card = await savedCard();
    await harness.stripe.paymentMethods.detach(card.paymentMethodId);

    const refused = await buy("saved_card");
    expect(refused).toMatchObject({ status: "failed", message: expect.stringMatching(/saved card can no longer be charged/i) });

    const retried = await buy("new_card");
    expect(retried).toMatchObject({ purchaseId: refused.purchaseId, status: "requires_payment_method", clientSecret: expect.stringContaining("_secret_") });
    const intentId = retried.clientSecret!.split("_secret_")[0];
    await harness.stripe.paymentIntents.confirm(intentId, { payment_method: "pm_card_visa" });
    expect(await settlePurchase({ workspaceId: ws.workspace.id, purchaseId: retried.purchaseId })).toMatchObject({ status: "succeeded", gatewayPaymentIntentId: intentId });
    // Asking again answers with the paid purchase: no further attempt, no second charge.
    expect(await buy("new_card")).toMatchObject({ purchaseId: refused.purchaseId, status: "succeeded" });
    const charged = (await harness.stripe.paymentIntents.list({ limit: 100 })).data.filter((pi) => pi.metadata?.purchaseId === refused.purchaseId && pi.status === "succeeded");
    expect(charged).toHaveLength(1);
  });

  it("a key reused with another card is answered by the gateway as a clear conflict, never a crash", async () => {
    const first = await savedCard();
    const second = await savedCard("pm_card_mastercard");
    const attempt = { amountMinor: 1_000, currency: "usd", customerId: first.customerId, description: "500 credits", metadata: { purchaseId: "p_reuse" }, idempotencyKey: "reused-key-0001", offSession: false };
    await expect(getGateway().createPayment({ ...attempt, paymentMethodId: first.paymentMethodId })).resolves.toMatchObject({ status: "succeeded" });
    const error = await getGateway().createPayment({ ...attempt, paymentMethodId: second.paymentMethodId }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "conflict", message: expect.stringMatching(/already started with other payment details/i) });
  });
});

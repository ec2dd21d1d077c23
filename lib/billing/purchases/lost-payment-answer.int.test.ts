import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { POLICY_PRESETS } from "@/lib/credits/policy";
import { AppError } from "@/lib/errors";
import { getGateway, setGatewayForTests } from "@/lib/payments/get-gateway";
import { startPurchase } from "@/lib/billing/purchases/start-purchase";
import { ensureBillingCustomer } from "@/lib/billing/purchases/ensure-billing-customer";
import { saveDefaultCard } from "@/lib/billing/purchases/save-default-card";
import { createCreditsWorkspace, subscribe } from "@/prisma/seed/credits";
import { resetDatabase } from "@/test/reset-database";
import { startPaymentsHarness } from "@/test/helpers/payments-harness";

const PRESET = POLICY_PRESETS["never-expiring-top-ups-with-office-pool"];
const OFFER = `pack-${(PRESET.pricing as { packs: { credits: number }[] }).packs[0].credits}`;

describe("payment attempts: a retry after a lost answer (no webhooks, so only the retry can learn of the charge)", () => {
  let harness: Awaited<ReturnType<typeof startPaymentsHarness>>;
  let ws: Awaited<ReturnType<typeof createCreditsWorkspace>>;
  let buyer: { userId: string; email: string; name: string; role: string };

  beforeAll(async () => {
    harness = await startPaymentsHarness({ webhooks: false });
  });
  afterAll(async () => harness.close());
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

  it("the first attempt's answer was lost, then a retry with another card: the earlier payment is found and nothing is charged twice", async () => {
    await savedCard();
    const real = getGateway();
    // The gateway charges, and the answer never reaches the app (a timeout after the charge).
    setGatewayForTests({
      ...real,
      async createPayment(input) {
        await real.createPayment(input);
        throw new AppError("unavailable", "The payment service is not reachable right now.");
      },
    });
    try {
      await expect(buy("saved_card")).rejects.toMatchObject({ code: "unavailable" });
    } finally {
      setGatewayForTests(real);
    }
    await savedCard("pm_card_mastercard");
    const retried = await buy("saved_card");
    expect(retried.status).toBe("succeeded");
    const charged = (await harness.stripe.paymentIntents.list({ limit: 100 })).data.filter((pi) => pi.metadata?.purchaseId === retried.purchaseId && pi.status === "succeeded");
    expect(charged).toHaveLength(1);
    expect(await prisma.creditGrant.count({ where: { purchaseId: retried.purchaseId } })).toBe(1);
  });
});

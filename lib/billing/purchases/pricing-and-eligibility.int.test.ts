import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pgPool, prisma } from "@/lib/db";
import { POLICY_PRESET_NAMES, POLICY_PRESETS } from "@/lib/credits/policy";
import { getBalance } from "@/lib/credits/get-balance";
import { grantCredits } from "@/lib/credits/grant-credits";
import { getCreditsOverview } from "@/lib/billing/get-credits-overview";
import { startPurchase } from "@/lib/billing/purchases/start-purchase";
import { settlePurchase } from "@/lib/billing/purchases/settle-purchase";
import { getPurchaseContext } from "@/lib/billing/purchases/get-purchase-context";
import { getPlanOptions } from "@/lib/billing/subscriptions/get-plan-options";
import { createCreditsWorkspace, subscribe } from "@/prisma/seed/credits";
import { resetDatabase } from "@/test/reset-database";
import { startPaymentsHarness } from "@/test/helpers/payments-harness";

const yesterday = () => new Date(Date.now() - 86_400_000);

describe("one price from the workspace's policy and plan; eligibility and pauses follow the policy's unit", () => {
  let harness: Awaited<ReturnType<typeof startPaymentsHarness>>;
  beforeAll(async () => {
    harness = await startPaymentsHarness();
  });
  afterAll(async () => harness.close());
  afterEach(async () => harness.flushWebhooks());
  beforeEach(resetDatabase);

  async function cycleExtrasWithPersonalPlans() {
    const ws = await createCreditsWorkspace(prisma, { label: "price", policy: POLICY_PRESETS["cycle-extras"] });
    const workspaceId = ws.workspace.id;
    // The workspace is on Team ($9 / 10,000 credits); the owner and a practitioner also have personal plans.
    await subscribe(prisma, { workspaceId, planKey: "team", anchorAt: yesterday() });
    await subscribe(prisma, { workspaceId, userId: ws.users.owner.id, planKey: "ai-pro", anchorAt: yesterday() });
    await subscribe(prisma, { workspaceId, userId: ws.users.member.id, planKey: "ai-starter", anchorAt: yesterday() });
    const owner = { userId: ws.users.owner.id, email: ws.users.owner.email, name: "Owner", role: "owner" };
    return { ...ws, workspaceId, owner };
  }

  it("cycle-extras on a workspace Team plan: 1,000 extras cost $0.90 in the dialog, for a practitioner, in the charge and on the invoice", async () => {
    const { workspaceId, owner, users } = await cycleExtrasWithPersonalPlans();

    const ownerContext = await getPurchaseContext({ workspaceId, userId: owner.userId, role: "owner" });
    expect(ownerContext.target).toBe("pool");
    expect(ownerContext.offers.find((o) => o.id === "units-1")).toMatchObject({ credits: 1000, amountMinor: 90, currency: "usd" });
    const practitioner = await getCreditsOverview({ workspaceId, userId: users.member.id, role: "member" });
    expect(practitioner.offers.find((o) => o.id === "units-1")).toMatchObject({ credits: 1000, amountMinor: 90 });
    const ownerOverview = await getCreditsOverview({ workspaceId, userId: owner.userId, role: "owner" });
    expect(ownerOverview.offers.find((o) => o.id === "units-1")?.amountMinor).toBe(90);

    const started = await startPurchase({ workspaceId, buyer: owner, offerId: "units-1", target: "pool", memberIds: [], payWith: "new_card", quotedAmountMinor: 90, idempotencyKey: "price-units-1" });
    expect(started).toMatchObject({ amountMinor: 90, credits: 1000 });
    const intentId = started.clientSecret!.split("_secret_")[0];
    expect((await harness.stripe.paymentIntents.retrieve(intentId)).amount).toBe(90);
    await harness.stripe.paymentIntents.confirm(intentId, { payment_method: "pm_card_visa" });
    await settlePurchase({ workspaceId, purchaseId: started.purchaseId });
    const invoice = await prisma.invoice.findUniqueOrThrow({ where: { purchaseId: started.purchaseId } });
    expect(invoice.totalMinor).toBe(90);
    expect((await prisma.purchaseLine.findMany({ where: { purchaseId: started.purchaseId } })).map((l) => l.amountMinor)).toEqual([90]);
  });

  it("refuses a purchase whose shown price is not the price it would charge, and changes nothing", async () => {
    const { workspaceId, owner } = await cycleExtrasWithPersonalPlans();
    // $5.80 is the owner's personal AI Pro rate: never what this workspace charges for 1,000 extras.
    await expect(
      startPurchase({ workspaceId, buyer: owner, offerId: "units-1", target: "pool", memberIds: [], payWith: "new_card", quotedAmountMinor: 580, idempotencyKey: "price-stale-1" }),
    ).rejects.toMatchObject({ code: "conflict", details: { reason: "price_changed", amountMinor: 90 } });
    expect(await prisma.purchase.count()).toBe(0);
    expect((await harness.stripe.paymentIntents.list({ limit: 10 })).data.filter((pi) => pi.metadata?.workspaceId === workspaceId)).toHaveLength(0);
  });

  it("per-editor on a Free workspace: a member's personal plan neither makes top-ups buyable nor keeps theirs active", async () => {
    const ws = await createCreditsWorkspace(prisma, { label: "free", policy: POLICY_PRESETS["per-editor-top-ups"] });
    const workspaceId = ws.workspace.id;
    const member = ws.users.member.id;
    await subscribe(prisma, { workspaceId, userId: member, planKey: "ai-pro", anchorAt: yesterday() });
    await grantCredits({ workspaceId, member, credits: 3000, source: "top_up", memo: "bought earlier", idempotencyKey: "earlier-top-up" });
    const owner = { userId: ws.users.owner.id, email: ws.users.owner.email, name: "Owner", role: "owner" };

    const balance = await getBalance({ workspaceId, member });
    expect(balance.buckets.find((b) => b.source === "top_up")).toMatchObject({ remaining: 3000, paused: true });
    expect((await getPurchaseContext({ workspaceId, userId: owner.userId, role: "owner" })).mode).toBe("subscribe");
    await expect(
      startPurchase({ workspaceId, buyer: owner, offerId: "pack-3000", target: "members", memberIds: [member], payWith: "new_card", quotedAmountMinor: 1000, idempotencyKey: "free-ws-1" }),
    ).rejects.toMatchObject({ code: "forbidden", details: { reason: "no_paid_plan" } });
    expect(await prisma.purchase.count()).toBe(0);

    // The workspace subscribes: the member's top-ups count again and admins can buy for them.
    await subscribe(prisma, { workspaceId, planKey: "team", anchorAt: yesterday() });
    expect((await getBalance({ workspaceId, member })).buckets.find((b) => b.source === "top_up")).toMatchObject({ paused: false });
    const bought = await startPurchase({ workspaceId, buyer: owner, offerId: "pack-3000", target: "members", memberIds: [member], payWith: "new_card", quotedAmountMinor: 1000, idempotencyKey: "paid-ws-1" });
    expect(bought.amountMinor).toBe(1000);
  });

  it("page 000: eligibility is each member's own plan; the pool needs the workspace's", async () => {
    const ws = await createCreditsWorkspace(prisma, { label: "own", policy: POLICY_PRESETS["never-expiring-top-ups-with-office-pool"] });
    const workspaceId = ws.workspace.id;
    await subscribe(prisma, { workspaceId, userId: ws.users.member.id, planKey: "ai-starter", anchorAt: yesterday() });
    const owner = { userId: ws.users.owner.id, email: ws.users.owner.email, name: "Owner", role: "owner" };

    // The owner has no plan of their own but may top up the member, who has one.
    const forMember = await startPurchase({ workspaceId, buyer: owner, offerId: "pack-500", target: "members", memberIds: [ws.users.member.id], payWith: "new_card", quotedAmountMinor: 1000, idempotencyKey: "own-plan-1" });
    expect(forMember.amountMinor).toBe(1000);
    await expect(
      startPurchase({ workspaceId, buyer: owner, offerId: "pack-500", target: "members", memberIds: [ws.users.member.id, ws.users.admin.id], payWith: "new_card", quotedAmountMinor: 2000, idempotencyKey: "own-plan-2" }),
    ).rejects.toMatchObject({ code: "forbidden", details: { reason: "no_paid_plan", memberIds: [ws.users.admin.id] } });
    await expect(
      startPurchase({ workspaceId, buyer: owner, offerId: "pack-500", target: "pool", memberIds: [], payWith: "new_card", quotedAmountMinor: 1000, idempotencyKey: "own-plan-3" }),
    ).rejects.toMatchObject({ code: "forbidden", details: { reason: "no_paid_plan" } });
  });

  it("the ledger in SQL reads the same unit as TypeScript for every preset, even from a policy stored before the unit existed", async () => {
    for (const preset of POLICY_PRESET_NAMES) {
      const { ledger } = POLICY_PRESETS[preset];
      const { planUnit: _unit, ...withoutUnit } = ledger;
      const { rows } = await pgPool().query("SELECT credits_ledger_policy($1::jsonb) ->> 'planUnit' AS unit", [JSON.stringify({ preset, ledger: withoutUnit })]);
      expect([preset, rows[0].unit]).toEqual([preset, ledger.planUnit]);
    }
  });

  it("the downgrade dialog's data says what switching the workspace to Free pauses", async () => {
    const ws = await createCreditsWorkspace(prisma, { label: "down", policy: POLICY_PRESETS["per-editor-top-ups"] });
    const workspaceId = ws.workspace.id;
    await subscribe(prisma, { workspaceId, planKey: "team", anchorAt: yesterday() });
    await grantCredits({ workspaceId, member: ws.users.member.id, credits: 3000, source: "top_up", memo: "a", idempotencyKey: "down-a" });
    await grantCredits({ workspaceId, member: ws.users.admin.id, credits: 10000, source: "top_up", memo: "b", idempotencyKey: "down-b" });

    const options = await getPlanOptions({ workspaceId, userId: null });
    expect(options.pausedOnFree).toEqual({ credits: 13000, members: 2 });

    // Page 000 never pauses top-ups: nothing to announce.
    await prisma.workspace.update({ where: { id: workspaceId }, data: { policy: POLICY_PRESETS["never-expiring-top-ups-with-office-pool"] } });
    expect((await getPlanOptions({ workspaceId, userId: null })).pausedOnFree).toBeNull();
  });
});

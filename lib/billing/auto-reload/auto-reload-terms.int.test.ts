import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { POLICY_PRESETS } from "@/lib/credits/policy";
import { debitCredits } from "@/lib/credits/debit-credits";
import { getBalance } from "@/lib/credits/get-balance";
import { ensureBillingCustomer } from "@/lib/billing/purchases/ensure-billing-customer";
import { saveDefaultCard } from "@/lib/billing/purchases/save-default-card";
import { enableAutoReload, previewAutoReload } from "@/lib/billing/auto-reload/set-auto-reload";
import { spendWithAutoReload } from "@/lib/billing/auto-reload/spend-with-auto-reload";
import { getAutoReloadView } from "@/lib/billing/auto-reload/get-auto-reload-view";
import type { TAutoReloadConfig } from "@/lib/billing/auto-reload/schemas";
import { createCreditsWorkspace, subscribe } from "@/prisma/seed/credits";
import { resetDatabase } from "@/test/reset-database";
import { startPaymentsHarness } from "@/test/helpers/payments-harness";

// Page 003: 10,000 extra credits at the plan's price + 30%, at most the plan's credits per cycle.
const CONFIG: TAutoReloadConfig = { onExhaustion: true, onThreshold: false, thresholdCredits: null, amountMode: "fixed", amountCredits: 10_000, maxCreditsPerCycle: null };

describe("auto-reload terms are derived from the current plan, policy and card", () => {
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
    ws = await createCreditsWorkspace(prisma, { label: "terms", policy: POLICY_PRESETS["cycle-extras"] });
    workspaceId = ws.workspace.id;
  });

  async function saveOwnerCard(card: string) {
    const owner = await prisma.user.findUniqueOrThrow({ where: { id: ws.users.owner.id } });
    const customer = await ensureBillingCustomer({ id: owner.id, email: owner.email, name: owner.name });
    const attached = await harness.stripe.paymentMethods.attach(card, { customer: customer.gatewayCustomerId });
    await saveDefaultCard({ userId: owner.id, paymentMethodId: attached.id });
    return attached.id;
  }

  /** Team plan ($9 / 10,000 credits): a reload of 10,000 costs $11.70, at most 10,000 per cycle. */
  async function onTeamWithAutoReload() {
    const team = await subscribe(prisma, { workspaceId, planKey: "team", anchorAt: new Date(Date.now() - 86_400_000) });
    await saveOwnerCard("pm_card_visa");
    const terms = await previewAutoReload({ workspaceId, userId: ws.users.owner.id, config: CONFIG });
    expect(terms.lines[0]).toContain("$11.70");
    await enableAutoReload({ workspaceId, userId: ws.users.owner.id, config: CONFIG, termsKey: terms.termsKey });
    return team;
  }

  async function drain() {
    const { available } = await getBalance({ workspaceId, member: ws.users.member.id });
    if (available > 0) await debitCredits({ workspaceId, member: ws.users.member.id, feature: "chat_reply", credits: available, idempotencyKey: `drain-${crypto.randomUUID()}` });
  }

  const spendShort = () =>
    spendWithAutoReload({ workspaceId, member: ws.users.member.id, spend: () => debitCredits({ workspaceId, member: ws.users.member.id, feature: "chat_reply", credits: 50, idempotencyKey: crypto.randomUUID() }) });
  const notices = () => prisma.notification.findMany({ where: { workspaceId, userId: ws.users.owner.id, kind: "auto_reload_terms_changed" } });
  const view = async () => (await getAutoReloadView({ workspaceId, userId: ws.users.admin.id, workspaceSlug: ws.workspace.slug }))!;

  it("after a plan upgrade the terms quote the new price and cap, owners are told once, and the reload charges the new price", async () => {
    const team = await onTeamWithAutoReload();
    expect(await notices()).toHaveLength(0);
    await prisma.subscription.update({ where: { id: team.id }, data: { status: "ended", endsAt: new Date() } });
    await subscribe(prisma, { workspaceId, planKey: "business", anchorAt: new Date(Date.now() - 60_000) });

    const shown = await view();
    expect(shown.enabled).toBe(true);
    expect(shown.currentTerms[0]).toContain("we buy 10,000 credits for $9.59 ($7.38 + 30% surcharge)");
    expect(shown.currentTerms.join("\n")).toContain("At most 80,000 credits per billing cycle (8 reloads of 10,000)");
    const [notice] = await notices();
    expect(notice.body).toContain("$9.59");
    expect(await prisma.emailOutbox.count({ where: { toAddress: ws.users.owner.email, kind: "auto_reload_terms_changed" } })).toBe(1);
    await view();
    expect(await notices()).toHaveLength(1);

    await drain();
    await spendShort();
    const [reload] = await prisma.purchase.findMany({ where: { workspaceId, kind: "auto_reload" } });
    expect(reload).toMatchObject({ status: "succeeded", credits: 10_000, amountMinor: 959 });
  });

  it("after the workspace's card changed the terms name the new card, owners are told at once, and the reload charges it", async () => {
    await onTeamWithAutoReload();
    const mastercard = await saveOwnerCard("pm_card_mastercard");
    const [notice] = await notices();
    expect(notice.body).toContain("Mastercard •••• 4444");
    expect((await view()).currentTerms.join("\n")).toContain("Charged to Mastercard •••• 4444 — the workspace's card");
    expect(await notices()).toHaveLength(1);

    await drain();
    await spendShort();
    const [reload] = await prisma.purchase.findMany({ where: { workspaceId, kind: "auto_reload" } });
    expect(reload.status).toBe("succeeded");
    const intent = await harness.stripe.paymentIntents.retrieve(reload.gatewayPaymentIntentId!);
    expect(intent.payment_method).toBe(mastercard);
  });

  it("a change that leaves the terms as they were tells nobody", async () => {
    await onTeamWithAutoReload();
    await view();
    await prisma.workspace.update({ where: { id: workspaceId }, data: { policy: POLICY_PRESETS["cycle-extras"] } });
    await view();
    expect(await notices()).toHaveLength(0);
  });
});

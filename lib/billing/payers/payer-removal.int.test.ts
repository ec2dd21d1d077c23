import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { POLICY_PRESETS, type TPolicyPresetName } from "@/lib/credits/policy";
import { debitCredits } from "@/lib/credits/debit-credits";
import { getBalance } from "@/lib/credits/get-balance";
import { ensureBillingCustomer } from "@/lib/billing/purchases/ensure-billing-customer";
import { saveDefaultCard } from "@/lib/billing/purchases/save-default-card";
import { startSubscriptionPurchase } from "@/lib/billing/purchases/start-subscription-purchase";
import { renewSubscriptions } from "@/lib/billing/subscriptions/renew-subscriptions";
import { enableAutoReload, previewAutoReload } from "@/lib/billing/auto-reload/set-auto-reload";
import { spendWithAutoReload } from "@/lib/billing/auto-reload/spend-with-auto-reload";
import type { TAutoReloadConfig } from "@/lib/billing/auto-reload/schemas";
import { removeMember } from "@/lib/workspaces/remove-member";
import { changeMemberRole } from "@/lib/workspaces/change-member-role";
import { updateMemberRole } from "@/lib/workspaces/update-member-role";
import { createCreditsWorkspace, subscribe } from "@/prisma/seed/credits";
import { resetDatabase } from "@/test/reset-database";
import { startPaymentsHarness } from "@/test/helpers/payments-harness";

const CONFIG: TAutoReloadConfig = { onExhaustion: true, onThreshold: false, thresholdCredits: null, amountMode: "fixed", amountCredits: 10_000, maxCreditsPerCycle: null };
const HOUR = 3_600_000;

describe("a removed or demoted payer is never charged again", () => {
  let harness: Awaited<ReturnType<typeof startPaymentsHarness>>;
  let ws: Awaited<ReturnType<typeof createCreditsWorkspace>>;
  let workspaceId: string;

  beforeAll(async () => {
    harness = await startPaymentsHarness();
  });
  afterAll(async () => harness.close());
  afterEach(async () => harness.flushWebhooks());

  async function setup(preset: TPolicyPresetName) {
    await resetDatabase();
    ws = await createCreditsWorkspace(prisma, { label: "removal", policy: POLICY_PRESETS[preset] });
    workspaceId = ws.workspace.id;
  }

  async function saveCard(userId: string) {
    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
    const customer = await ensureBillingCustomer({ id: user.id, email: user.email, name: user.name });
    const card = await harness.stripe.paymentMethods.attach("pm_card_visa", { customer: customer.gatewayCustomerId });
    await saveDefaultCard({ userId: user.id, paymentMethodId: card.id });
    return customer.gatewayCustomerId;
  }

  /** Page 003: the admin turns auto-reload on (charged to the owner's card); every credit is spent. */
  async function adminTurnsOnAutoReload() {
    await setup("cycle-extras");
    await subscribe(prisma, { workspaceId, planKey: "business", anchorAt: new Date(Date.now() - 86_400_000) });
    await saveCard(ws.users.owner.id);
    const terms = await previewAutoReload({ workspaceId, userId: ws.users.admin.id, config: CONFIG });
    await enableAutoReload({ workspaceId, userId: ws.users.admin.id, config: CONFIG, termsKey: terms.termsKey });
    const { available } = await getBalance({ workspaceId, member: ws.users.member.id });
    if (available > 0) await debitCredits({ workspaceId, member: ws.users.member.id, feature: "chat_reply", credits: available, idempotencyKey: `drain-${crypto.randomUUID()}` });
  }

  const spendShort = () =>
    spendWithAutoReload({ workspaceId, member: ws.users.member.id, waitMs: 2_000, spend: () => debitCredits({ workspaceId, member: ws.users.member.id, feature: "chat_reply", credits: 50, idempotencyKey: crypto.randomUUID() }) });

  async function expectAutoReloadEndedWithNotice() {
    expect((await prisma.autoReloadSetting.findUniqueOrThrow({ where: { workspaceId } })).enabled).toBe(false);
    const notices = await prisma.notification.findMany({ where: { workspaceId, userId: ws.users.owner.id, kind: "auto_reload_disabled" } });
    expect(notices).toHaveLength(1);
    expect(await prisma.emailOutbox.count({ where: { toAddress: ws.users.owner.email, kind: "auto_reload_disabled" } })).toBe(1);
    await expect(spendShort()).rejects.toMatchObject({ code: "insufficient_credits" });
    expect(await prisma.purchase.count({ where: { workspaceId, kind: "auto_reload" } })).toBe(0);
  }

  it("removing the admin who turned auto-reload on turns it off, tells the owners, and nothing is charged", async () => {
    await adminTurnsOnAutoReload();
    await removeMember({ workspaceId, userId: ws.users.admin.id, actorUserId: ws.users.owner.id });
    await expectAutoReloadEndedWithNotice();
  });

  it("demoting that admin to member does the same", async () => {
    await adminTurnsOnAutoReload();
    await changeMemberRole({ workspaceId, userId: ws.users.admin.id, role: "member", actorUserId: ws.users.owner.id });
    await expectAutoReloadEndedWithNotice();
  });

  it("at charge time the accepter must still be allowed: a membership changed behind the app's back stops the reload", async () => {
    await adminTurnsOnAutoReload();
    await prisma.membership.update({ where: { workspaceId_userId: { workspaceId, userId: ws.users.admin.id } }, data: { role: "member" } });
    await expect(spendShort()).rejects.toMatchObject({ code: "insufficient_credits" });
    expect(await prisma.purchase.count({ where: { workspaceId, kind: "auto_reload" } })).toBe(0);
  });

  async function memberOnPersonalPlan() {
    await setup("never-expiring-top-ups-with-office-pool");
    await saveCard(ws.users.member.id);
    const member = await prisma.user.findUniqueOrThrow({ where: { id: ws.users.member.id } });
    const started = await startSubscriptionPurchase({ workspaceId, userId: member.id, buyer: { userId: member.id, email: member.email, name: member.name }, planKey: "ai-starter", payWith: "saved_card", idempotencyKey: "personal-plan-1" });
    expect(started.status).toBe("succeeded");
    const subscription = await prisma.subscription.findFirstOrThrow({ where: { workspaceId, userId: member.id, status: "active" } });
    const billing = await prisma.subscriptionBilling.findUniqueOrThrow({ where: { subscriptionId: subscription.id } });
    return { member, subscription, billing };
  }

  async function expectCancelledAtPeriodEndAndNeverRenewed(subscriptionId: string, paidThroughAt: Date, email: string) {
    expect(await prisma.subscription.findUniqueOrThrow({ where: { id: subscriptionId } })).toMatchObject({ status: "canceled", endsAt: paidThroughAt });
    const mail = await prisma.emailOutbox.findFirstOrThrow({ where: { toAddress: email, kind: "subscription_canceled" } });
    expect(mail.text).toMatch(/will not renew/);
    await renewSubscriptions({ now: new Date(paidThroughAt.getTime() + HOUR) });
    expect(await prisma.purchase.count({ where: { workspaceId, kind: "subscription" } })).toBe(1);
  }

  it("removing a member cancels their personal plan at the end of its paid period, emails them, and it never renews on their card", async () => {
    const { member, subscription, billing } = await memberOnPersonalPlan();
    await removeMember({ workspaceId, userId: member.id, actorUserId: ws.users.owner.id });
    await expectCancelledAtPeriodEndAndNeverRenewed(subscription.id, billing.paidThroughAt, member.email);
  });

  it("demoting a member to viewer (through the API) does the same", async () => {
    const { member, subscription, billing } = await memberOnPersonalPlan();
    await updateMemberRole({ workspaceId, member: member.email, role: "viewer" });
    await expectCancelledAtPeriodEndAndNeverRenewed(subscription.id, billing.paidThroughAt, member.email);
  });

  it("at renewal the payer must still be a paying member: a membership gone behind the app's back is not charged", async () => {
    const { member, subscription, billing } = await memberOnPersonalPlan();
    await prisma.membership.delete({ where: { workspaceId_userId: { workspaceId, userId: member.id } } });
    expect(await renewSubscriptions({ now: new Date(billing.paidThroughAt.getTime() + HOUR) })).toMatchObject({ renewed: 0, failed: 1 });
    const renewal = await prisma.purchase.findFirstOrThrow({ where: { workspaceId, kind: "subscription", idempotencyKey: { startsWith: "renewal:" } } });
    expect(renewal.gatewayPaymentIntentId).toBeNull();
    expect(await prisma.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).toMatchObject({ status: "past_due" });
  });
});

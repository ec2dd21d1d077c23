import Stripe from "stripe";
import { expect, prisma, signIn, test } from "./fixtures/test";
import { availableCredits, usageCount } from "./fixtures/credits";
import { POLICY_PRESETS } from "@/lib/credits/policy";
import { debitCredits } from "@/lib/credits/debit-credits";
import { getBalance } from "@/lib/credits/get-balance";
import { ensureBillingCustomer } from "@/lib/billing/purchases/ensure-billing-customer";
import { saveDefaultCard } from "@/lib/billing/purchases/save-default-card";
import { subscribe } from "@/prisma/seed/credits";

// Scenario D4 / B5 on page 003's numbers: a Business plan ($59, 80,000 credits a month); auto-reload
// buys 10,000 credits at the plan's price + 30% = $9.59, at most 8 times a cycle.
const SUMMARY_COST = 4;
const RELOAD = 10_000;

/** The workspace on "cycle extras" with a paid plan and every credit spent. */
async function workspaceOutOfCredits(workspaceId: string, memberId: string) {
  await prisma.workspace.update({ where: { id: workspaceId }, data: { policy: POLICY_PRESETS["cycle-extras"] } });
  await subscribe(prisma, { workspaceId, planKey: "business", anchorAt: new Date(Date.now() - 86_400_000) });
  const { available } = await getBalance({ workspaceId, member: memberId });
  if (available > 0) await debitCredits({ workspaceId, member: memberId, feature: "chat_reply", credits: available, idempotencyKey: `drain-${crypto.randomUUID()}` });
}

/** A saved Visa for the owner, made through the sandbox the app server talks to. */
async function saveOwnerCard(owner: { id: string; email: string }) {
  const customer = await ensureBillingCustomer({ id: owner.id, email: owner.email, name: "Owner" });
  const stripe = new Stripe(process.env.STRIPE_SANDBOX_SECRET_KEY ?? "sk_test_refill_sandbox", { host: "127.0.0.1", port: Number(process.env.STRIPE_SANDBOX_PORT ?? 12111), protocol: "http" });
  const card = await stripe.paymentMethods.attach("pm_card_visa", { customer: customer.gatewayCustomerId });
  await saveDefaultCard({ userId: owner.id, paymentMethodId: card.id });
}

const autoReloads = (workspaceId: string) => prisma.purchase.findMany({ where: { workspaceId, kind: "auto_reload" } });

test.beforeEach(async ({ roles }) => {
  await workspaceOutOfCredits(roles.workspace.id, roles.users.member.id);
});

test("owner turns on auto-reload after seeing the exact terms → an AI action the balance was too low for proceeds after the reload", async ({ page, roles }) => {
  await saveOwnerCard(roles.users.owner);
  await signIn(page, roles.users.owner.email);
  await page.goto(`/w/${roles.workspace.slug}/credits`);
  const card = page.getByTestId("auto-reload");
  await expect(card).toContainText("Auto-reload is off.");

  await card.getByRole("button", { name: "Review terms" }).click();
  const terms = card.getByRole("region", { name: "Auto-reload terms" });
  await expect(terms).toContainText("When a request needs more credits than are left, we buy 10,000 credits for $9.59 ($7.38 + 30% surcharge)");
  await expect(terms).toContainText(/Charged to Visa •••• 4242 — the workspace's card, .+'s, without asking each time/);
  await expect(terms).toContainText("At most 80,000 credits per billing cycle (8 reloads of 10,000)");
  await expect(terms).toContainText("metered AI work in this workspace pauses until the payment method is updated");
  await page.screenshot({ path: "test-results/auto-reload-terms.png" });
  await terms.getByRole("button", { name: "Turn on auto-reload" }).click();
  await expect(card).toContainText("Auto-reload is on");
  await expect(card).toContainText("$9.59");
  expect(await autoReloads(roles.workspace.id)).toHaveLength(0);

  await signIn(page, roles.users.member.email);
  await page.goto(`/w/${roles.workspace.slug}/work`);
  await expect(page.getByTestId("credit-counter-value")).toHaveText("0");
  await page.getByRole("button", { name: /Summarize chart/ }).click();
  await expect(page.getByTestId("ai-output-chart-ellis")).toContainText("HbA1c");
  await expect(page.getByRole("dialog", { name: "You're out of AI credits" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/auto-reload-action-proceeded.png" });

  const reloads = await autoReloads(roles.workspace.id);
  expect(reloads).toHaveLength(1);
  expect(reloads[0]).toMatchObject({ status: "succeeded", credits: RELOAD, amountMinor: 959, buyerUserId: roles.users.owner.id });
  expect(await prisma.invoice.count({ where: { purchaseId: reloads[0].id } })).toBe(1);
  expect(await prisma.notification.count({ where: { userId: roles.users.owner.id, kind: "purchase_succeeded" } })).toBe(1);
  expect(await usageCount(roles.workspace.id, roles.users.member.id, "chart_summary")).toBe(1);
  expect(await availableCredits(roles.workspace.id, roles.users.member.id)).toBe(RELOAD - SUMMARY_COST);
});

test("auto-reload off (the default) → the out-of-credits panel appears and nothing is charged", async ({ page, roles }) => {
  await saveOwnerCard(roles.users.owner);
  await signIn(page, roles.users.member.email);
  await page.goto(`/w/${roles.workspace.slug}/work`);
  await page.getByRole("button", { name: /Summarize chart/ }).click();
  await expect(page.getByRole("dialog", { name: "You're out of AI credits" })).toBeVisible();
  await expect(page.getByTestId("ai-output-chart-ellis")).toHaveCount(0);
  expect(await autoReloads(roles.workspace.id)).toHaveLength(0);
  expect(await usageCount(roles.workspace.id, roles.users.member.id, "chart_summary")).toBe(0);
});

test("members cannot see or change auto-reload", async ({ page, roles }) => {
  await signIn(page, roles.users.member.email);
  await page.goto(`/w/${roles.workspace.slug}/credits`);
  await expect(page.getByRole("heading", { name: "Credits", level: 1 })).toBeVisible();
  await expect(page.getByTestId("auto-reload")).toHaveCount(0);
});

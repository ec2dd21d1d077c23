import type { Page } from "@playwright/test";
import Stripe from "stripe";
import { expect, prisma, signIn, test } from "./fixtures/test";
import { fillCard } from "./fixtures/card";
import { expectCardFormUsable } from "./fixtures/form-widths";
import { POLICY_PRESETS } from "@/lib/credits/policy";
import { debitCredits } from "@/lib/credits/debit-credits";
import { getBalance } from "@/lib/credits/get-balance";
import { ensureBillingCustomer } from "@/lib/billing/purchases/ensure-billing-customer";
import { saveDefaultCard } from "@/lib/billing/purchases/save-default-card";
import { enableAutoReload, previewAutoReload } from "@/lib/billing/auto-reload/set-auto-reload";
import { subscribe } from "@/prisma/seed/credits";

// Issue 10 item 8, page 003: a failed auto-purchase pauses metered work and emails the owner a
// link; the owner pays there with another card.
const SANDBOX = `http://127.0.0.1:${process.env.STRIPE_SANDBOX_PORT ?? 12111}`;
const CONFIG = { onExhaustion: true, onThreshold: false, thresholdCredits: null, amountMode: "fixed" as const, amountCredits: 10_000, maxCreditsPerCycle: null };
const CONTROLS = { authorization: `Bearer ${process.env.STRIPE_SANDBOX_CONTROL_TOKEN ?? ""}` };
const PAUSED_BANNER = "Metered work is paused";

type TWorkspace = { id: string; slug: string };
type TUser = { id: string; email: string };

/** Auto-reload on (Business plan, cycle extras) with a card every charge of which is declined; the member has no credits left. */
async function autoReloadOnFailingCard(workspace: TWorkspace, owner: TUser, member: TUser) {
  await prisma.workspace.update({ where: { id: workspace.id }, data: { policy: POLICY_PRESETS["cycle-extras"] } });
  await subscribe(prisma, { workspaceId: workspace.id, planKey: "business", anchorAt: new Date(Date.now() - 86_400_000) });
  const customer = await ensureBillingCustomer({ id: owner.id, email: owner.email, name: "Owner" });
  const stripe = new Stripe(process.env.STRIPE_SANDBOX_SECRET_KEY ?? "sk_test_refill_sandbox", { host: "127.0.0.1", port: Number(process.env.STRIPE_SANDBOX_PORT ?? 12111), protocol: "http" });
  const failing = await stripe.paymentMethods.attach("pm_card_chargeCustomerFail", { customer: customer.gatewayCustomerId });
  await saveDefaultCard({ userId: owner.id, paymentMethodId: failing.id });
  const terms = await previewAutoReload({ workspaceId: workspace.id, userId: owner.id, config: CONFIG });
  await enableAutoReload({ workspaceId: workspace.id, userId: owner.id, config: CONFIG, termsKey: terms.termsKey });
  const { available } = await getBalance({ workspaceId: workspace.id, member: member.id });
  if (available > 0) await debitCredits({ workspaceId: workspace.id, member: member.id, feature: "chat_reply", credits: available, idempotencyKey: `drain-${crypto.randomUUID()}` });
}

/** The member's AI action makes auto-reload charge the failing card: work pauses and the owner gets the email with the link. */
async function memberTriggersFailedReload(page: Page, workspace: TWorkspace, owner: TUser, member: TUser) {
  await signIn(page, member.email);
  await page.goto(`/w/${workspace.slug}/work`);
  await page.getByRole("button", { name: /Summarize chart/ }).click();
  await expect(page.getByText(/paused/i).first()).toBeVisible();
  const email = await prisma.emailOutbox.findFirstOrThrow({ where: { toAddress: owner.email, kind: "auto_reload_failed" } });
  const link = /https?:\/\/\S+\/credits\/auto-reload\?purchase=\S+/.exec(email.text)?.[0];
  expect(link, "the email has the link to pay").toBeTruthy();
  return new URL(link!).pathname + new URL(link!).search;
}

async function succeededWebhookAttempts() {
  await fetch(`${SANDBOX}/_sandbox/webhooks/flush?hurry=true`, { method: "POST", headers: CONTROLS });
  const list = (await (await fetch(`${SANDBOX}/_sandbox/webhook_deliveries?type=payment_intent.succeeded`, { headers: CONTROLS })).json()) as { data: { attempts: { status_code: number | null }[] }[] };
  return list.data.flatMap((delivery) => delivery.attempts.map((attempt) => attempt.status_code));
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test("failed auto-purchase → the owner pays from the email link with another card → paid, invoiced, receipt sent, card saved, work resumes", async ({ page, roles }) => {
    const { workspace, users } = roles;
    await autoReloadOnFailingCard(workspace, users.owner, users.member);
    const link = await memberTriggersFailedReload(page, workspace, users.owner, users.member);
    const [blocked] = await prisma.purchase.findMany({ where: { workspaceId: workspace.id, kind: "auto_reload" } });
    expect(blocked.status).toBe("failed");
    const webhookAttemptsBefore = (await succeededWebhookAttempts()).length;

    await signIn(page, users.owner.email);
    // The page renders on the server (it threw `window is not defined` there).
    const html = await page.request.get(link);
    expect(html.status()).toBe(200);
    expect(await html.text()).toContain("Pay with another card");

    await page.goto(link);
    const main = page.getByRole("main");
    await expect(main).toContainText("10,000 credits");
    await main.getByRole("button", { name: "Pay with another card" }).click();
    const form = page.getByRole("form", { name: "Pay with a card" });
    await expectCardFormUsable(page, form, "recovery page");
    await fillCard(form, "4242 4242 4242 4242", "Olive Owner");
    await page.screenshot({ path: "test-results/recovery-card-form-375.png", fullPage: true });
    await form.getByRole("button", { name: /^Pay/ }).click();
    await expect(main.getByRole("status")).toContainText("Paid");
    await expect(main.getByRole("status")).toContainText("visa ending 4242 is now your default card");
    await expect(page.getByText("Something went wrong")).toHaveCount(0);
    await page.screenshot({ path: "test-results/recovery-paid-375.png", fullPage: true });

    const paid = await prisma.purchase.findUniqueOrThrow({ where: { id: blocked.id } });
    expect(paid).toMatchObject({ status: "succeeded" });
    expect(paid.fulfilledAt).not.toBeNull();
    expect(await prisma.invoice.count({ where: { purchaseId: blocked.id } })).toBe(1);
    expect(await prisma.emailOutbox.count({ where: { toAddress: users.owner.email, kind: "billing_confirmation" } })).toBe(1);
    expect((await prisma.billingCustomer.findUniqueOrThrow({ where: { userId: users.owner.id } })).cardLast4).toBe("4242");
    expect((await prisma.creditWorkspaceState.findUnique({ where: { workspaceId: workspace.id } }))?.spendingPausedReason ?? null).toBeNull();
    // Every delivery of the payment's webhook was answered 2xx (it used to fail over and over).
    const attempts = (await succeededWebhookAttempts()).slice(webhookAttemptsBefore);
    expect(attempts.length).toBeGreaterThan(0);
    expect(attempts.every((status) => status !== null && status < 300)).toBe(true);

    await page.goto(`/w/${workspace.slug}/credits`);
    await expect(page.getByTestId("available-now")).toBeVisible();
    await expect(page.getByText(PAUSED_BANNER)).toHaveCount(0);
    await expect(page.getByTestId("auto-reload")).not.toContainText("did not go through");
    await page.goto(`/w/${workspace.slug}/billing`);
    await expect(page.getByTestId("default-card")).toContainText("•••• 4242");

    await signIn(page, users.member.email);
    await page.goto(`/w/${workspace.slug}/work`);
    await page.getByRole("button", { name: /Summarize chart/ }).click();
    await expect(page.getByTestId("ai-output-chart-ellis")).toContainText("HbA1c");
  });
});

test("failed auto-purchase → the owner replaces the card in Billing → the paused banner is gone at once", async ({ page, roles }) => {
  const { workspace, users } = roles;
  await autoReloadOnFailingCard(workspace, users.owner, users.member);
  const link = await memberTriggersFailedReload(page, workspace, users.owner, users.member);

  await signIn(page, users.owner.email);
  await page.goto(link);
  await page.getByRole("main").getByRole("button", { name: "Pay with another card" }).click();
  await expectCardFormUsable(page, page.getByRole("form", { name: "Pay with a card" }), "recovery page");
  await page.screenshot({ path: "test-results/recovery-card-form-1280.png", fullPage: true });

  await page.goto(`/w/${workspace.slug}/credits`);
  await expect(page.getByText(PAUSED_BANNER)).toBeVisible();
  await page.goto(`/w/${workspace.slug}/billing`);
  await page.getByRole("button", { name: "Replace card" }).click();
  const setup = page.getByRole("form", { name: "Save a card" });
  await fillCard(setup, "4242 4242 4242 4242", "Olive Owner");
  await setup.getByRole("button", { name: "Save card" }).click();
  await expect(page.getByText("your default card")).toBeVisible();

  await page.goto(`/w/${workspace.slug}/credits`);
  await expect(page.getByTestId("available-now")).toBeVisible();
  await expect(page.getByText(PAUSED_BANNER)).toHaveCount(0);
  await expect(page.getByTestId("auto-reload")).not.toContainText("did not go through");
});

import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, prisma, signIn, test } from "./fixtures/test";
import { seedPlans } from "@/prisma/seed/credits";
import { fillCard } from "./fixtures/card";

async function completeThreeDSecure(page: Page, name = "Authenticate your payment") {
  const challenge = page.getByRole("dialog", { name });
  await expect(challenge).toBeVisible();
  await challenge.getByRole("button", { name: "Complete authentication" }).click();
}

test.beforeEach(async () => {
  await seedPlans(prisma);
});

test("owner subscribes with a new card and 3-D Secure → plan active, invoice listed, PDF downloads", async ({ page, roles }) => {
  await signIn(page, roles.users.owner.email);
  await page.goto(`/w/${roles.workspace.slug}/billing`);
  await expect(page.getByTestId("current-plan")).toContainText("no paid plan");
  await expect(page.getByText("Nothing billed yet")).toBeVisible();

  await page.getByRole("button", { name: "Subscribe: AI Pro" }).click();
  const dialog = page.getByRole("dialog", { name: "Subscribe to AI Pro" });
  await expect(dialog.getByTestId("plan-amount-due")).toHaveText("$29.00");
  await fillCard(dialog, "4000 0000 0000 3220");
  await dialog.getByRole("button", { name: "Pay $29.00" }).click();
  await completeThreeDSecure(page);
  await expect(dialog).toBeHidden();
  await expect(page.getByText("You are now on AI Pro")).toBeVisible();
  await expect(page.getByTestId("current-plan")).toContainText("AI Pro");
  await expect(page.getByTestId("current-plan")).toContainText("Renews on");
  await page.screenshot({ path: "test-results/billing-subscribed.png", fullPage: true });

  const row = page.getByTestId("invoice-row").first();
  await expect(row).toContainText("AI Pro plan");
  await expect(row).toContainText("$29.00");
  const downloading = page.waitForEvent("download");
  await row.getByRole("link", { name: /Download INV-.* as PDF/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^INV-.*-0001\.pdf$/);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 4).toString()).toBe("%PDF");

  const live = await prisma.subscription.findMany({ where: { workspaceId: roles.workspace.id, status: "active" }, include: { plan: true } });
  expect(live.map((s) => s.plan.key)).toEqual(["ai-pro"]);
  // The card entered is saved and shown as the default.
  await expect(page.getByTestId("default-card")).toContainText("3220");
});

test("saved card: upgrade in one click with unused time credited; downgrade waits for the period's end", async ({ page, roles }) => {
  await signIn(page, roles.users.owner.email);
  await page.goto(`/w/${roles.workspace.slug}/billing`);
  await page.getByRole("button", { name: "Subscribe: AI Starter" }).click();
  const first = page.getByRole("dialog", { name: "Subscribe to AI Starter" });
  await fillCard(first, "4242 4242 4242 4242");
  await first.getByRole("button", { name: "Pay $9.00" }).click();
  await expect(page.getByTestId("current-plan")).toContainText("AI Starter");

  await page.getByRole("button", { name: "Upgrade: Business" }).click();
  const upgrade = page.getByRole("dialog", { name: "Upgrade to Business" });
  await expect(upgrade).toContainText("Unused time of your current plan");
  await expect(upgrade.getByTestId("charged-card")).toContainText("Visa •••• 4242 — the workspace's card, yours");
  await upgrade.getByRole("button", { name: /^Pay \$/ }).click();
  await expect(upgrade).toBeHidden();
  await expect(page.getByTestId("current-plan")).toContainText("Business");
  await expect(page.getByTestId("invoice-row")).toHaveCount(2);

  await page.getByRole("button", { name: "Downgrade: AI Pro" }).click();
  const confirm = page.getByRole("dialog", { name: "Downgrade to AI Pro?" });
  await confirm.getByRole("button", { name: "Schedule downgrade" }).click();
  await expect(page.getByTestId("current-plan")).toContainText("Changes to AI Pro");
  await page.getByRole("button", { name: "Keep this plan: Business" }).click();
  await expect(page.getByTestId("current-plan")).not.toContainText("Changes to AI Pro");

  await page.getByRole("button", { name: "Switch to Free: Free" }).click();
  await page.getByRole("dialog", { name: "Cancel the paid plan?" }).getByRole("button", { name: "Cancel plan" }).click();
  await expect(page.getByTestId("current-plan")).toContainText("Cancelled: active until");
});

test("owner replaces the default card with a 3-D Secure card", async ({ page, roles }) => {
  await signIn(page, roles.users.owner.email);
  await page.goto(`/w/${roles.workspace.slug}/billing`);
  await expect(page.getByTestId("default-card")).toContainText("No card yet");
  await page.getByRole("button", { name: "Add a card" }).click();
  const form = page.getByRole("form", { name: "Save a card" });
  await fillCard(form, "4000 0000 0000 3220");
  await form.getByRole("button", { name: "Save card" }).click();
  // A card saved without a charge is a SetupIntent: the challenge authenticates the card.
  await completeThreeDSecure(page, "Authenticate your card");
  await expect(page.getByText("is now the workspace's card")).toBeVisible();
  await expect(page.getByTestId("default-card")).toContainText("•••• 3220");
  await expect(page.getByTestId("default-card")).toContainText("the workspace's card, yours");
  expect(await prisma.auditLog.count({ where: { workspaceId: roles.workspace.id, action: "payment_method.replaced" } })).toBe(1);
});

test("an admin sees plans and invoices read-only; a member does not see workspace billing", async ({ page, roles }) => {
  await signIn(page, roles.users.admin.email);
  await page.goto(`/w/${roles.workspace.slug}/billing`);
  await expect(page.getByText("Only the workspace owner can change the plan.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Subscribe: / })).toHaveCount(0);
  // The workspace's card is named for admins (brand and last four only), and only owners change it.
  await expect(page.getByRole("heading", { name: "Payment method" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Add a card|Replace card|Use my card/ })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Invoices" })).toBeVisible();

  await signIn(page, roles.users.viewer.email);
  await page.goto(`/w/${roles.workspace.slug}/billing`);
  await expect(page.getByRole("heading", { name: "Invoices" })).toHaveCount(0);
});

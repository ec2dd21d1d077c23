import type { Page } from "@playwright/test";
import { expect, prisma, signIn, test } from "./fixtures/test";
import { availableCredits, memberOutOfCredits, usageCount } from "./fixtures/credits";
import { fillCard } from "./fixtures/card";

const PACK = 500;
const SUMMARY_COST = 4;

async function fillPanelCard(page: Page, number: string) {
  const dialog = page.getByRole("dialog", { name: "You're out of AI credits" });
  await fillCard(dialog, number);
  return dialog;
}

async function clickSummarize(page: Page) {
  await page.getByRole("button", { name: /Summarize chart/ }).click();
}

test.beforeEach(async ({ roles }) => {
  await memberOutOfCredits({ workspaceId: roles.workspace.id, userId: roles.users.member.id });
});

test("out of credits → pay with a new card → the blocked action runs by itself, once", async ({ page, roles }) => {
  await signIn(page, roles.users.member.email);
  await page.goto(`/w/${roles.workspace.slug}/work`);
  await expect(page.getByTestId("credit-counter-value")).toHaveText("0");
  await clickSummarize(page);
  const dialog = await fillPanelCard(page, "4242 4242 4242 4242");
  await page.screenshot({ path: "test-results/out-of-credits-card-form.png" });
  // The card form names what it buys, not only the amount.
  await dialog.getByRole("button", { name: "Buy 500 credits for $10.00" }).click();
  await expect(page.getByTestId("ai-output-chart-ellis")).toContainText("HbA1c");
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("credit-counter-value")).toHaveText(String(PACK - SUMMARY_COST));
  expect(await usageCount(roles.workspace.id, roles.users.member.id, "chart_summary")).toBe(1);
  expect(await availableCredits(roles.workspace.id, roles.users.member.id)).toBe(PACK - SUMMARY_COST);
  expect(await prisma.invoice.count({ where: { workspaceId: roles.workspace.id } })).toBe(1);
});

test("the card is saved: the next top-up is one click and the action resumes", async ({ page, roles }) => {
  await signIn(page, roles.users.member.email);
  await page.goto(`/w/${roles.workspace.slug}/work`);
  await clickSummarize(page);
  await (await fillPanelCard(page, "4242424242424242")).getByRole("button", { name: /^Buy [\d,]+ credits for / }).click();
  await expect(page.getByTestId("ai-output-chart-ellis")).toBeVisible();
  await memberOutOfCredits({ workspaceId: roles.workspace.id, userId: roles.users.member.id });
  await page.reload();
  await clickSummarize(page);
  const dialog = page.getByRole("dialog", { name: "You're out of AI credits" });
  await expect(dialog.getByTestId("charged-card")).toContainText("Visa •••• 4242 — your own card");
  await dialog.getByRole("button", { name: `Buy ${PACK} credits for $10.00` }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("ai-output-chart-ellis")).toBeVisible();
  expect(await usageCount(roles.workspace.id, roles.users.member.id, "chart_summary")).toBe(2);
});

test("3-D Secure completed inline → paid → action resumes", async ({ page, roles }) => {
  await signIn(page, roles.users.member.email);
  await page.goto(`/w/${roles.workspace.slug}/work`);
  await clickSummarize(page);
  const dialog = await fillPanelCard(page, "4000 0000 0000 3220");
  await dialog.getByRole("button", { name: /^Buy [\d,]+ credits for / }).click();
  const challenge = page.getByRole("dialog", { name: "Authenticate your payment" });
  await expect(challenge).toBeVisible();
  await page.screenshot({ path: "test-results/three-d-secure-challenge.png" });
  await challenge.getByRole("button", { name: "Complete authentication" }).click();
  await expect(page.getByTestId("ai-output-chart-ellis")).toBeVisible();
  expect(await usageCount(roles.workspace.id, roles.users.member.id, "chart_summary")).toBe(1);
});

test("3-D Secure failed → a clear reason, nothing charged, Pay stays; another card succeeds", async ({ page, roles }) => {
  await signIn(page, roles.users.member.email);
  await page.goto(`/w/${roles.workspace.slug}/work`);
  await clickSummarize(page);
  const dialog = await fillPanelCard(page, "4000 0000 0000 3220");
  await dialog.getByRole("button", { name: /^Buy [\d,]+ credits for / }).click();
  await page.getByRole("button", { name: "Fail authentication" }).click();
  await expect(dialog.getByRole("alert")).toBeVisible();
  expect(await availableCredits(roles.workspace.id, roles.users.member.id)).toBe(0);
  await dialog.getByLabel("Card number").fill("4242 4242 4242 4242");
  await dialog.getByRole("button", { name: /^Buy [\d,]+ credits for / }).click();
  await expect(page.getByTestId("ai-output-chart-ellis")).toBeVisible();
  expect(await usageCount(roles.workspace.id, roles.users.member.id, "chart_summary")).toBe(1);
});

test("a declined card shows the issuer's reason and Pay stays available; a second card succeeds", async ({ page, roles }) => {
  await signIn(page, roles.users.member.email);
  await page.goto(`/w/${roles.workspace.slug}/work`);
  await clickSummarize(page);
  const dialog = await fillPanelCard(page, "4000 0000 0000 9995");
  await dialog.getByRole("button", { name: /^Buy [\d,]+ credits for / }).click();
  await expect(dialog.getByRole("alert")).toContainText(/insufficient funds/i);
  await page.screenshot({ path: "test-results/declined-card.png" });
  await expect(dialog.getByRole("button", { name: /^Buy [\d,]+ credits for / })).toBeEnabled();
  await dialog.getByLabel("Card number").fill("5555 5555 5555 4444");
  await dialog.getByRole("button", { name: /^Buy [\d,]+ credits for / }).click();
  await expect(page.getByTestId("ai-output-chart-ellis")).toBeVisible();
  expect(await prisma.purchase.count({ where: { workspaceId: roles.workspace.id, status: "succeeded" } })).toBe(1);
});

test("a viewer cannot run AI actions", async ({ page, roles }) => {
  await signIn(page, roles.users.viewer.email);
  await page.goto(`/w/${roles.workspace.slug}/work`);
  await expect(page.getByRole("button", { name: /Summarize chart/ })).toBeDisabled();
  await expect(page.getByText("Viewers can read but not run AI actions.").first()).toBeVisible();
});

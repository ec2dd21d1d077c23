import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, prisma, signIn, test } from "./fixtures/test";
import { subscribe } from "@/prisma/seed/credits";
import { POLICY_PRESETS, type TPolicyPresetName } from "@/lib/credits/policy";
import { grantCredits } from "@/lib/credits/grant-credits";
import { debitCredits } from "@/lib/credits/debit-credits";

const DAY = 86_400_000;

/**
 * A paid plan (AI Starter, 1,000 credits each) covering the member, the one the preset's plan
 * unit counts (the Space's membership for prepaid tiers), plus a 500-credit top-up that never expires.
 */
async function memberWithPlanAndTopUp(workspaceId: string, userId: string, preset: TPolicyPresetName = "prepaid-tiers") {
  await prisma.workspace.update({ where: { id: workspaceId }, data: { policy: POLICY_PRESETS[preset] } });
  const planUserId = POLICY_PRESETS[preset].ledger.planUnit === "member" ? userId : null;
  await subscribe(prisma, { workspaceId, userId: planUserId, planKey: "ai-starter", anchorAt: new Date(Date.now() - DAY) });
  await grantCredits({ workspaceId, member: userId, credits: 500, source: "top_up", expiresAt: null, memo: "Top-up pack", idempotencyKey: `e2e-topup-${userId}` });
}

async function spendMany(workspaceId: string, userId: string, count: number) {
  for (let i = 0; i < count; i++) {
    await debitCredits({ workspaceId, member: userId, feature: "chat_reply", credits: 1, group: "campaign:spring", idempotencyKey: `e2e-spend-${userId}-${i}` });
  }
}

test("a practitioner sees Available now broken down by bucket, with expiry and the credits-per-£1 badge", async ({ page, roles }) => {
  const { workspace, users } = roles;
  await memberWithPlanAndTopUp(workspace.id, users.member.id);
  await signIn(page, users.member.email);
  await page.goto(`/w/${workspace.slug}/credits`);

  await expect(page.getByRole("heading", { name: "Credits", level: 1 })).toBeVisible();
  await expect(page.getByTestId("available-now")).toHaveText("1,500");
  const rows = page.getByTestId("bucket-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("Plan");
  await expect(rows.nth(0)).toContainText("1,000");
  await expect(rows.nth(0)).not.toContainText("Never");
  await expect(rows.nth(1)).toContainText("Top-up");
  await expect(rows.nth(1)).toContainText("500");
  await expect(rows.nth(1)).toContainText("Never");
  await expect(page.getByTestId("low-credit-warning")).toHaveCount(0);

  await expect(page.getByTestId("credit-rate-badge")).toHaveText("120 credits per £1");
  const offers = page.getByRole("list", { name: "Credit offers" });
  await expect(offers.locator("[data-offer-id]")).toHaveCount(3);
  await expect(offers.locator('[data-offer-id="tier-2500"]')).toContainText("3,000 credits");
  await expect(offers.locator('[data-offer-id="tier-2500"]')).toContainText("£25.00");
  await page.screenshot({ path: "test-results/credits-page-overview.png", fullPage: true });
});

test("top-ups on a Free workspace show as paused, with why, and buying asks for a paid plan", async ({ page, roles }) => {
  const { workspace, users } = roles;
  await prisma.workspace.update({ where: { id: workspace.id }, data: { policy: POLICY_PRESETS["per-editor-top-ups"] } });
  await subscribe(prisma, { workspaceId: workspace.id, planKey: "free", anchorAt: new Date(Date.now() - DAY) });
  await grantCredits({ workspaceId: workspace.id, member: users.owner.id, credits: 3000, source: "top_up", expiresAt: null, memo: "t", idempotencyKey: "e2e-paused" });
  await signIn(page, users.owner.email);
  await page.goto(`/w/${workspace.slug}/credits`);

  await expect(page.getByTestId("available-now")).toHaveText("0");
  await expect(page.getByTestId("bucket-row").filter({ hasText: "Top-up" })).toContainText("Paused: the workspace is on the Free plan");
  await expect(page.getByTestId("low-credit-warning")).toContainText("You're out of credits");
  await expect(page.getByTestId("buy-needs-paid-plan")).toContainText("Buying credits needs a paid plan");
  await expect(page.getByRole("link", { name: "Go to Billing" })).toHaveAttribute("href", `/w/${workspace.slug}/billing`);
});

test("planner: an estimate above the balance goes negative and prompts a top-up", async ({ page, roles }) => {
  const { workspace, users } = roles;
  await memberWithPlanAndTopUp(workspace.id, users.member.id);
  await signIn(page, users.member.email);
  await page.goto(`/w/${workspace.slug}/credits`);

  await expect(page.getByTestId("planner-available")).toHaveText("1,500");
  await page.getByLabel("Activity 1", { exact: true }).selectOption({ label: "AI clip" });
  await page.getByLabel(/^Quantity/).first().fill("20");
  await expect(page.getByTestId("planner-estimate")).toHaveText("200");
  await expect(page.getByTestId("planner-after")).toHaveText("1,300");
  await expect(page.getByTestId("planner-topup-prompt")).toHaveCount(0);

  await page.getByRole("button", { name: "Add activity" }).click();
  await page.getByLabel("Activity 2", { exact: true }).selectOption({ label: "Livestream minute" });
  await page.getByLabel(/^Quantity/).nth(1).fill("300");
  await page.getByLabel("Quality", { exact: true }).nth(1).selectOption("premium");
  await expect(page.getByTestId("planner-estimate")).toHaveText("1,700");
  await expect(page.getByTestId("planner-after")).toHaveText("-200");
  const prompt = page.getByTestId("planner-topup-prompt");
  await expect(prompt).toContainText("200 more credits");
  await expect(prompt.getByRole("link", { name: "Top up your credits" })).toHaveAttribute("href", "#buy-credits");
  await page.screenshot({ path: "test-results/credits-planner-prompt.png", fullPage: true });

  await page.getByRole("button", { name: "Remove activity 2" }).click();
  await expect(page.getByTestId("planner-topup-prompt")).toHaveCount(0);
});

test("history: Load older events pages back to the first event, and members see only their own", async ({ page, roles }) => {
  const { workspace, users } = roles;
  await memberWithPlanAndTopUp(workspace.id, users.member.id);
  await spendMany(workspace.id, users.member.id, 30);
  await grantCredits({ workspaceId: workspace.id, member: users.admin.id, credits: 77, source: "adjustment", expiresAt: null, memo: "Admin only", idempotencyKey: "e2e-admin-adj" });
  await signIn(page, users.member.email);
  await page.goto(`/w/${workspace.slug}/credits`);

  // 30 usages + the plan allotment + the top-up = 32 events of the member's; 25 per page.
  const rows = page.getByTestId("history-row");
  await expect(rows).toHaveCount(25);
  await expect(rows.first()).toContainText("Captured usage");
  await expect(page.getByLabel("Member", { exact: true })).toHaveCount(0);
  await page.getByRole("button", { name: "Load older events" }).click();
  await expect(rows).toHaveCount(32);
  await expect(page.getByRole("button", { name: "Load older events" })).toHaveCount(0);
  await expect(page.getByTestId("history-end")).toBeVisible();
  const ids = await rows.evaluateAll((elements) => elements.map((el) => Number(el.getAttribute("data-event-id"))));
  expect(new Set(ids).size).toBe(32);
  expect(ids).toEqual([...ids].sort((a, b) => b - a));
  await expect(page.getByTestId("credit-history")).not.toContainText("Admin only");

  await page.getByLabel("Event type", { exact: true }).selectOption("top_up");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/type=top_up/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("+500");
});

test("history: an admin filters by member; CSV export downloads the member's own events only", async ({ page, roles, browser }) => {
  const { workspace, users } = roles;
  await memberWithPlanAndTopUp(workspace.id, users.member.id);
  await spendMany(workspace.id, users.member.id, 3);
  await grantCredits({ workspaceId: workspace.id, member: users.admin.id, credits: 77, source: "adjustment", expiresAt: null, memo: "Admin, only", idempotencyKey: "e2e-admin-adj" });

  await signIn(page, users.member.email);
  await page.goto(`/w/${workspace.slug}/credits`);
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^credits-${workspace.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const csv = (await readFile(await download.path())).toString("utf8").replace(/^\uFEFF/, "");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toBe("Time (UTC),Event,Credits,Bucket,Feature,Group,Member,Member email,By,Balance after,Memo,Entry id");
  expect(lines).toHaveLength(1 + 5);
  expect(csv).toContain(",Top-up,500,Top-up,");
  expect(csv).toContain(",Captured usage,-1,Plan,Chat reply,campaign:spring,");
  expect(csv).not.toContain("Admin, only");
  // Asking for someone else's events still yields only the member's own.
  const forged = await page.request.get(`/w/${workspace.slug}/credits/export?member=${users.admin.id}`);
  expect(forged.status()).toBe(200);
  expect(await forged.text()).not.toContain("Admin, only");

  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, users.admin.email);
  await adminPage.goto(`/w/${workspace.slug}/credits`);
  await expect(adminPage.getByTestId("credit-history")).toContainText("Admin, only");
  await adminPage.getByLabel("Member", { exact: true }).selectOption(users.member.id);
  await adminPage.getByRole("button", { name: "Apply filters" }).click();
  await expect(adminPage).toHaveURL(new RegExp(`member=${users.member.id}`));
  await expect(adminPage.getByTestId("history-row")).toHaveCount(5);
  await expect(adminPage.getByTestId("credit-history")).not.toContainText("Admin, only");
  const adminCsv = await adminPage.request.get(`/w/${workspace.slug}/credits/export`);
  expect(await adminCsv.text()).toContain('"Admin, only"');
  await adminContext.close();
});

test("a signed-out visitor cannot export credit events", async ({ page, roles }) => {
  const response = await page.request.get(`/w/${roles.workspace.slug}/credits/export`);
  expect(response.status()).toBe(401);
});

test("the Credits page has no serious or critical accessibility violations", async ({ page, roles }) => {
  const { workspace, users } = roles;
  await memberWithPlanAndTopUp(workspace.id, users.member.id);
  await spendMany(workspace.id, users.member.id, 3);
  await signIn(page, users.member.email);
  await page.goto(`/w/${workspace.slug}/credits`);
  await expect(page.getByTestId("usage-chart")).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // Keyboard only: the period links and the planner are reachable and usable.
  await page.getByRole("link", { name: "7 days" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/period=7/);
  await expect(page.getByRole("link", { name: "7 days" })).toHaveAttribute("aria-current", "page");
});

import { expect, prisma, signIn, test } from "./fixtures/test";
import { POLICY_PRESETS } from "@/lib/credits/policy";
import { subscribe } from "@/prisma/seed/credits";
import { fillCard } from "./fixtures/card";

// Scenario E (page 004): buying needs a paid membership; the header badge shows credits per £1;
// £25 / £50 / £100 tiers show the exact credits; a top-up paid in the browser lands and never
// expires; the planner prompts a top-up when the estimate exceeds the balance.
test("scenario E: prepaid tiers with the per-£1 badge, a £25 top-up paid by card, and the planner's prompt", async ({ page, roles }) => {
  const { workspace, users } = roles;
  await prisma.workspace.update({ where: { id: workspace.id }, data: { policy: POLICY_PRESETS["prepaid-tiers"] } });
  await signIn(page, users.member.email);
  await page.goto(`/w/${workspace.slug}/credits`);

  // 1. Without a paid membership the tiers ask for one.
  await expect(page.getByTestId("buy-needs-paid-plan")).toBeVisible();

  // The Space's paid membership (its workspace plan) is what makes top-ups available.
  await subscribe(prisma, { workspaceId: workspace.id, planKey: "ai-starter", anchorAt: new Date(Date.now() - 86_400_000) });
  await page.reload();
  await expect(page.getByTestId("credit-rate-badge")).toHaveText("120 credits per £1");
  for (const [tier, credits, price] of [["tier-2500", "3,000", "£25.00"], ["tier-5000", "6,000", "£50.00"], ["tier-10000", "12,000", "£100.00"]]) {
    await expect(page.locator(`[data-offer-id="${tier}"]`)).toContainText(credits);
    await expect(page.locator(`[data-offer-id="${tier}"]`)).toContainText(price);
  }

  // 2. Buy the £25 tier with a card.
  await page.getByRole("button", { name: "Buy 3,000 credits for £25.00" }).click();
  const dialog = page.getByRole("dialog", { name: "Buy credits" });
  await fillCard(dialog, "4242 4242 4242 4242", "Maya Member");
  await dialog.getByRole("button", { name: "Buy 3,000 credits for £25.00" }).click();
  await expect(page.getByRole("status").filter({ hasText: "3,000 credits added" })).toBeVisible();
  await expect(page.getByTestId("available-now")).toHaveText("4,000");
  await expect(page.getByTestId("bucket-row").filter({ hasText: "Top-up" })).toContainText("Never");
  await page.screenshot({ path: "test-results/scenario-e-after-top-up.png", fullPage: true });

  // 3. The planner: an estimate above the balance prompts a top-up.
  await expect(page.getByRole("link", { name: "Top up your credits" })).toHaveCount(0);
  await page.getByLabel(/Quantity/).first().fill("5000");
  await expect(page.getByRole("link", { name: "Top up your credits" })).toBeVisible();
});

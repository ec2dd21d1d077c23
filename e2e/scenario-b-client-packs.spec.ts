import type { Page } from "@playwright/test";
import { expect, prisma, signIn, test } from "./fixtures/test";
import { POLICY_PRESETS } from "@/lib/credits/policy";
import { subscribe } from "@/prisma/seed/credits";
import { fillCard } from "./fixtures/card";

async function payWithNewCard(page: Page, number: string, pay: string) {
  const dialog = page.getByRole("dialog", { name: "Buy credits" });
  await fillCard(dialog, number, "Olivia Owner");
  await dialog.getByRole("button", { name: pay }).click();
}

// Scenario B (page 001): a client's Manual Reload lists several packs with exact tokens and price;
// a pack lands at once as its own positive entry with an invoice and a billing email; the saved
// card makes the next pack one click; after a second pack in one cycle the page suggests the plan
// that would have cost less. (Auto Reload is walked in auto-reload.spec.ts.)
test("scenario B: client packs land at once with invoice and email; second pack suggests a cheaper plan", async ({ page, roles }) => {
  const { workspace, users } = roles;
  await prisma.workspace.update({ where: { id: workspace.id }, data: { policy: POLICY_PRESETS["client-packs"] } });
  await subscribe(prisma, { workspaceId: workspace.id, planKey: "ai-starter", anchorAt: new Date(Date.now() - 86_400_000) });
  await signIn(page, users.owner.email);
  await page.goto(`/w/${workspace.slug}/credits`);

  const offers = page.getByRole("list", { name: "Credit offers" });
  await expect(offers.locator("[data-offer-id]")).toHaveCount(3);
  await expect(offers.locator('[data-offer-id="pack-5000"]')).toContainText("5,000 credits");
  await expect(offers.locator('[data-offer-id="pack-5000"]')).toContainText("$65.00");

  await page.getByRole("button", { name: "Buy 5,000 credits for $65.00" }).click();
  await expect(page.getByRole("dialog", { name: "Buy credits" })).toContainText("shared balance");
  await payWithNewCard(page, "4242 4242 4242 4242", "Buy 5,000 credits for $65.00");
  await expect(page.getByRole("status").filter({ hasText: "5,000 credits added" })).toBeVisible();
  const poolGrant = await prisma.creditGrant.findFirstOrThrow({ where: { workspaceId: workspace.id, source: "top_up", purchaseId: { not: null } } });
  expect(poolGrant).toMatchObject({ amount: 5000, expiresAt: null });
  expect(await prisma.creditLedgerEntry.count({ where: { grantId: poolGrant.id, type: "grant", credits: 5000 } })).toBe(1);
  expect(await prisma.invoice.count({ where: { workspaceId: workspace.id } })).toBe(1);

  // The saved card: the second pack is one click. Then the plan advice appears with the sums.
  await page.getByRole("button", { name: "Buy 1,000 credits for $15.00" }).click();
  const dialog = page.getByRole("dialog", { name: "Buy credits" });
  await expect(dialog.getByTestId("charged-card")).toContainText("Visa •••• 4242 — the workspace's card, yours");
  await dialog.getByRole("button", { name: "Buy 1,000 credits for $15.00" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1,000 credits added" })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("plan-advice")).toContainText("2 packs");
  await expect(page.getByTestId("plan-advice")).toContainText("$80.00");
  await page.screenshot({ path: "test-results/scenario-b-plan-advice.png", fullPage: true });

  await page.goto(`/dev/mailbox?to=${encodeURIComponent(users.owner.email)}`);
  await expect(page.getByTestId("mailbox-email").filter({ hasText: "Receipt INV-" })).toHaveCount(2);
});

import { expect, prisma, signIn, test } from "./fixtures/test";
import { POLICY_PRESETS } from "@/lib/credits/policy";
import { debitCredits } from "@/lib/credits/debit-credits";
import { getCurrentCycle } from "@/lib/plans/get-current-cycle";
import { subscribe } from "@/prisma/seed/credits";
import { fillCard } from "./fixtures/card";

// Scenario D (page 003): extra credits in units of 1,000 at the plan's per-credit price (a $9
// plan of 10,000 credits: 1,000 extra for $0.90), valid until the end of the billing cycle;
// subscription credits are spent first. (Auto-purchase of 10,000 at +30% with its cap and the
// pause on a failed payment are walked in auto-reload.spec.ts and the auto-reload tests.)
test("scenario D: 1,000 extra credits for $0.90 land in the organisation's balance and expire at the cycle's end", async ({ page, roles }) => {
  const { workspace, users } = roles;
  await prisma.workspace.update({ where: { id: workspace.id }, data: { policy: POLICY_PRESETS["cycle-extras"] } });
  await subscribe(prisma, { workspaceId: workspace.id, planKey: "team", anchorAt: new Date(Date.now() - 3 * 86_400_000) });
  await signIn(page, users.owner.email);
  await page.goto(`/w/${workspace.slug}/credits`);

  await expect(page.locator('[data-offer-id="units-1"]')).toContainText("1,000");
  await expect(page.locator('[data-offer-id="units-1"]')).toContainText("$0.90");
  await expect(page.locator('[data-offer-id="units-10"]')).toContainText("$9.00");

  await page.getByRole("button", { name: "Buy 1,000 credits for $0.90" }).click();
  const dialog = page.getByRole("dialog", { name: "Buy credits" });
  await fillCard(dialog, "4242 4242 4242 4242", "Olivia Owner");
  await dialog.getByRole("button", { name: "Buy 1,000 credits for $0.90" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1,000 credits added" })).toBeVisible();

  const cycle = await getCurrentCycle({ workspaceId: workspace.id });
  const extra = await prisma.creditGrant.findFirstOrThrow({ where: { workspaceId: workspace.id, source: "extra" } });
  expect(extra.amount).toBe(1000);
  expect(extra.expiresAt?.toISOString()).toBe(cycle!.end.toISOString());

  // Subscription credits (the pool's 10,000) are spent before the extras.
  await debitCredits({ workspaceId: workspace.id, member: users.member.id, feature: "chat_reply", credits: 10_000, idempotencyKey: `d-spend-${workspace.id}` });
  expect((await prisma.creditGrant.findUniqueOrThrow({ where: { id: extra.id } })).remaining).toBe(1000);
  await debitCredits({ workspaceId: workspace.id, member: users.member.id, feature: "chat_reply", credits: 500, idempotencyKey: `d-spend2-${workspace.id}` });
  expect((await prisma.creditGrant.findUniqueOrThrow({ where: { id: extra.id } })).remaining).toBe(500);
});

import { expect, prisma, signIn, test } from "./fixtures/test";
import { POLICY_PRESETS } from "@/lib/credits/policy";
import { grantCredits } from "@/lib/credits/grant-credits";
import { subscribe } from "@/prisma/seed/credits";
import { fillCard } from "./fixtures/card";

const yesterday = () => new Date(Date.now() - 86_400_000);

test("cycle-extras on a workspace Team plan: the owner on a personal AI Pro plan is shown, charged and invoiced $0.90 for 1,000 extras", async ({ page, roles }) => {
  const { workspace, users } = roles;
  await prisma.workspace.update({ where: { id: workspace.id }, data: { policy: POLICY_PRESETS["cycle-extras"] } });
  await subscribe(prisma, { workspaceId: workspace.id, planKey: "team", anchorAt: yesterday() });
  // The owner's personal plan ($29 / 5,000 credits) must not price the workspace's extras.
  await subscribe(prisma, { workspaceId: workspace.id, userId: users.owner.id, planKey: "ai-pro", anchorAt: yesterday() });
  await signIn(page, users.owner.email);
  await page.goto(`/w/${workspace.slug}/credits`);

  await expect(page.locator('[data-offer-id="units-1"]')).toContainText("$0.90");
  await page.getByRole("button", { name: "Buy 1,000 credits for $0.90" }).click();
  const dialog = page.getByRole("dialog", { name: "Buy credits" });
  await fillCard(dialog, "4242 4242 4242 4242", "Olivia Owner");
  // The card form says what it buys, at the price the invoice will show.
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await dialog.screenshot({ path: `test-results/price-card-form-${width}.png` });
  }
  await dialog.getByRole("button", { name: "Buy 1,000 credits for $0.90" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1,000 credits added" })).toBeVisible();

  const purchase = await prisma.purchase.findFirstOrThrow({ where: { workspaceId: workspace.id }, include: { invoice: true } });
  expect(purchase).toMatchObject({ status: "succeeded", amountMinor: 90, credits: 1000 });
  expect(purchase.invoice?.totalMinor).toBe(90);
});

test("per-editor on Free: top-ups for a member with a personal plan are paused and cannot be bought; the admin is told before any card", async ({ page, roles }) => {
  const { workspace, users } = roles;
  await prisma.workspace.update({ where: { id: workspace.id }, data: { policy: POLICY_PRESETS["per-editor-top-ups"] } });
  await subscribe(prisma, { workspaceId: workspace.id, userId: users.member.id, planKey: "ai-pro", anchorAt: yesterday() });
  await grantCredits({ workspaceId: workspace.id, member: users.member.id, credits: 3000, source: "top_up", memo: "Bought while paid", idempotencyKey: `paused-${workspace.id}` });

  await signIn(page, users.owner.email);
  await page.goto(`/w/${workspace.slug}/admin`);
  const section = page.getByRole("region", { name: "Top up members" });
  await expect(section).toContainText("Top-ups need an active paid workspace plan");
  await expect(section.getByRole("button", { name: "Review purchase" })).toHaveCount(0);

  await signIn(page, users.member.email);
  await page.goto(`/w/${workspace.slug}/credits`);
  await expect(page.getByTestId("bucket-row").filter({ hasText: "Top-up" })).toContainText(/paused/i);
  await expect(page.getByTestId("bucket-row").filter({ hasText: "Top-up" })).not.toContainText("Active");
});

test("page 000: an editor without a plan and an unfunded pool are flagged before a card is typed", async ({ page, roles }) => {
  const { workspace, users } = roles;
  await prisma.workspace.update({ where: { id: workspace.id }, data: { policy: POLICY_PRESETS["never-expiring-top-ups-with-office-pool"] } });
  await subscribe(prisma, { workspaceId: workspace.id, userId: users.member.id, planKey: "ai-starter", anchorAt: yesterday() });
  const [member, admin] = await Promise.all([prisma.user.findUniqueOrThrow({ where: { id: users.member.id } }), prisma.user.findUniqueOrThrow({ where: { id: users.admin.id } })]);

  await signIn(page, users.owner.email);
  await page.goto(`/w/${workspace.slug}/admin`);
  const section = page.getByRole("region", { name: "Top up members" });
  await expect(section.getByRole("checkbox", { name: `Top up ${member.name}` })).toBeEnabled();
  await expect(section.getByRole("checkbox", { name: `Top up ${admin.name}` })).toBeDisabled();
  await expect(section.getByTestId(`editor-no-plan-${admin.id}`)).toContainText("No paid plan");
  const pool = page.getByRole("region", { name: "Office pool" });
  await expect(pool).toContainText("Funding the pool needs an active paid workspace plan");
  await expect(pool.getByRole("button", { name: "Fund the pool" })).toHaveCount(0);
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await section.screenshot({ path: `test-results/eligibility-top-up-members-${width}.png` });
  }
});

test("switching a per-editor workspace to Free says which bought credits will be paused", async ({ page, roles }) => {
  const { workspace, users } = roles;
  await prisma.workspace.update({ where: { id: workspace.id }, data: { policy: POLICY_PRESETS["per-editor-top-ups"] } });
  await subscribe(prisma, { workspaceId: workspace.id, planKey: "team", anchorAt: yesterday() });
  await grantCredits({ workspaceId: workspace.id, member: users.member.id, credits: 3000, source: "top_up", memo: "Top-up", idempotencyKey: `down-${workspace.id}` });

  await signIn(page, users.owner.email);
  await page.goto(`/w/${workspace.slug}/billing`);
  await page.getByRole("button", { name: "Switch to Free: Free" }).click();
  const dialog = page.getByRole("dialog", { name: "Cancel the paid plan?" });
  await expect(dialog.getByTestId("free-plan-pause")).toContainText("3,000 bought credits of 1 member will be paused");
  await expect(dialog).not.toContainText("Top-up credits are kept");
  await page.setViewportSize({ width: 375, height: 800 });
  await dialog.screenshot({ path: "test-results/free-plan-pause-375.png" });
});

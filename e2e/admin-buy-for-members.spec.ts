import type { Locator } from "@playwright/test";
import { expect, prisma, signIn, test } from "./fixtures/test";
import { availableCredits } from "./fixtures/credits";
import { POLICY_PRESETS } from "@/lib/credits/policy";
import { subscribe } from "@/prisma/seed/credits";
import { fillCard } from "./fixtures/card";
import { saveCardFor } from "./fixtures/saved-card";

const PACK = 10_000;

async function payWithNewCard(dialog: Locator) {
  await fillCard(dialog, "4242 4242 4242 4242", "Ada Admin");
  await dialog.getByRole("button", { name: /^Pay / }).click();
}

test.beforeEach(async ({ roles }) => {
  await prisma.workspace.update({ where: { id: roles.workspace.id }, data: { policy: POLICY_PRESETS["per-editor-top-ups"] } });
  await subscribe(prisma, { workspaceId: roles.workspace.id, planKey: "team", anchorAt: new Date(Date.now() - 86_400_000) });
});

test("admin selects two editors, picks a package, reviews the summary, confirms → one charge on the workspace's card, each editor's balance grows", async ({ page, roles }) => {
  const { workspace, users } = roles;
  const [member, owner] = await Promise.all([
    prisma.user.findUniqueOrThrow({ where: { id: users.member.id } }),
    prisma.user.findUniqueOrThrow({ where: { id: users.owner.id } }),
  ]);
  const ownerCustomer = await saveCardFor(owner);
  const before = { member: await availableCredits(workspace.id, member.id), owner: await availableCredits(workspace.id, owner.id) };

  await signIn(page, users.admin.email);
  await page.goto(`/w/${workspace.slug}/admin`);
  const section = page.getByRole("region", { name: "Top up members" });
  await expect(section.getByRole("checkbox")).toHaveCount(3);
  await section.getByRole("button", { name: "Review purchase" }).click();
  await expect(section.getByRole("alert")).toContainText("Choose at least one editor");

  await section.getByRole("checkbox", { name: `Top up ${member.name}` }).check();
  await section.getByRole("checkbox", { name: `Top up ${owner.name}` }).check();
  await expect(section).toContainText("2 of 3 selected");
  await section.getByRole("radio", { name: /10,000 credits/ }).check();
  await section.getByRole("button", { name: "Review purchase" }).click();

  const review = page.getByRole("dialog", { name: "Top up editors" });
  const summary = review.getByTestId("purchase-summary");
  await expect(summary).toContainText("10,000 credits each for 2 editors");
  await expect(summary).toContainText(member.name);
  await expect(summary).toContainText(owner.name);
  await expect(summary).toContainText("$60.00");
  // The admin pays with the workspace's card, named with its holder; they cannot swap in their own.
  await expect(review.getByTestId("charged-card")).toContainText(`Visa •••• 4242 — the workspace's card, ${owner.name}'s`);
  await expect(review.getByRole("button", { name: "Use a different card" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/admin-pays-with-workspace-card.png" });
  await page.setViewportSize({ width: 375, height: 800 });
  await expect(review.getByTestId("charged-card")).toBeInViewport();
  await page.screenshot({ path: "test-results/admin-pays-with-workspace-card-375.png" });
  await review.getByRole("button", { name: "Confirm and purchase" }).click();
  await expect(review).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "10,000 credits added to" })).toBeVisible();

  const purchases = await prisma.purchase.findMany({ where: { workspaceId: workspace.id }, include: { lines: true } });
  expect(purchases).toHaveLength(1);
  expect(purchases[0]).toMatchObject({ status: "succeeded", amountMinor: 6_000, buyerUserId: users.admin.id, payerUserId: owner.id, payerScope: "workspace" });
  expect(await prisma.billingCustomer.findUnique({ where: { userId: users.admin.id } })).toBeNull();
  expect(ownerCustomer).toBeTruthy();
  expect(purchases[0].lines.map((l) => l.beneficiaryUserId).sort()).toEqual([member.id, owner.id].sort());
  expect(await availableCredits(workspace.id, member.id)).toBe(before.member + PACK);
  expect(await availableCredits(workspace.id, owner.id)).toBe(before.owner + PACK);
});

test("without a workspace card the admin is told who adds it; the owner's new card becomes the workspace's", async ({ page, roles }) => {
  const { workspace, users } = roles;
  const owner = await prisma.user.findUniqueOrThrow({ where: { id: users.owner.id } });
  await signIn(page, users.admin.email);
  await page.goto(`/w/${workspace.slug}/admin`);
  const section = page.getByRole("region", { name: "Top up members" });
  await section.getByRole("checkbox").first().check();
  await section.getByRole("button", { name: "Review purchase" }).click();
  const review = page.getByRole("dialog", { name: "Top up editors" });
  await expect(review.getByTestId("charged-card")).toContainText(`The workspace has no card yet. ${owner.name}, whose card pays for this workspace, adds one on Billing.`);
  await expect(review.getByLabel("Card number")).toHaveCount(0);

  await page.context().clearCookies();
  await signIn(page, users.owner.email);
  await page.goto(`/w/${workspace.slug}/admin`);
  await section.getByRole("checkbox").first().check();
  await section.getByRole("button", { name: "Review purchase" }).click();
  await expect(review.getByTestId("charged-card")).toContainText("becomes the workspace's card");
  await payWithNewCard(review);
  await expect(review).toBeHidden();
  await page.goto(`/w/${workspace.slug}/billing`);
  await expect(page.getByTestId("default-card")).toContainText("•••• 4242");
  await expect(page.getByTestId("default-card")).toContainText("the workspace's card, yours");
});

test("a member cannot open the Admin page, and viewers are not offered as editors", async ({ page, roles }) => {
  await signIn(page, roles.users.member.email);
  const response = await page.goto(`/w/${roles.workspace.slug}/admin`);
  expect(response?.status()).toBe(403);

  const viewer = await prisma.user.findUniqueOrThrow({ where: { id: roles.users.viewer.id } });
  await page.context().clearCookies();
  await signIn(page, roles.users.owner.email);
  await page.goto(`/w/${roles.workspace.slug}/admin`);
  await expect(page.getByRole("region", { name: "Top up members" }).getByRole("checkbox")).toHaveCount(3);
  await expect(page.getByRole("checkbox", { name: `Top up ${viewer.name}` })).toHaveCount(0);
});

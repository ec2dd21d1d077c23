import { expect, prisma, signIn, test } from "./fixtures/test";
import { POLICY_PRESETS } from "@/lib/credits/policy";
import { grantCredits } from "@/lib/credits/grant-credits";
import { debitCredits } from "@/lib/credits/debit-credits";
import { subscribe } from "@/prisma/seed/credits";

const DAY = 86_400_000;

// Scenario C (page 002): quota first, then top-ups; Free pauses top-ups and an upgrade brings
// them back; a Viewer cannot use them until Can Edit again. (Admins buying for selected editors
// and the request → approve path are walked in admin-buy-for-members.spec.ts and
// admin-topup-requests.spec.ts under this same preset.)
test("scenario C: monthly quota before top-ups; Free pauses top-ups, upgrading restores them; Viewer cannot use them", async ({ page, roles }) => {
  const { workspace, users } = roles;
  await prisma.workspace.update({ where: { id: workspace.id }, data: { policy: POLICY_PRESETS["per-editor-top-ups"] } });
  await subscribe(prisma, { workspaceId: workspace.id, planKey: "team", anchorAt: new Date(Date.now() - DAY) });
  await grantCredits({ workspaceId: workspace.id, member: users.member.id, credits: 3000, source: "top_up", expiresAt: null, memo: "Top-up 3,000", idempotencyKey: `c-topup-${workspace.id}` });

  // Quota first, then top-ups.
  const first = await debitCredits({ workspaceId: workspace.id, member: users.member.id, feature: "chat_reply", credits: 10_100, idempotencyKey: `c-spend-${workspace.id}` });
  expect(first.drawn).toEqual([{ source: "plan", credits: 10_000 }, { source: "top_up", credits: 100 }]);

  await signIn(page, users.member.email);
  await page.goto(`/w/${workspace.slug}/credits`);
  await expect(page.getByTestId("available-now")).toHaveText("2,900");

  // Downgrade to Free: the top-ups are kept but paused.
  await prisma.subscription.updateMany({ where: { workspaceId: workspace.id }, data: { status: "ended", endsAt: new Date() } });
  await subscribe(prisma, { workspaceId: workspace.id, planKey: "free", anchorAt: new Date() });
  await page.reload();
  await expect(page.getByTestId("available-now")).toHaveText("0");
  await expect(page.getByTestId("bucket-row").filter({ hasText: "Top-up" })).toContainText("Paused: the workspace is on the Free plan");
  await page.getByRole("link", { name: "Work" }).click();
  await page.getByRole("button", { name: /Summarize chart/ }).click();
  await expect(page.getByRole("alert").filter({ hasText: /paused/i })).toBeVisible();
  await page.screenshot({ path: "test-results/scenario-c-free-paused.png" });

  // Upgrade again: usable.
  await prisma.subscription.updateMany({ where: { workspaceId: workspace.id, status: { not: "ended" } }, data: { status: "ended", endsAt: new Date() } });
  await subscribe(prisma, { workspaceId: workspace.id, planKey: "team", anchorAt: new Date() });
  await page.goto(`/w/${workspace.slug}/credits`);
  await expect(page.getByTestId("bucket-row").filter({ hasText: "Top-up" })).toContainText("2,900");
  await expect(page.getByTestId("bucket-row").filter({ hasText: "Top-up" })).not.toContainText("Paused");

  // Viewer: cannot use the top-ups until Can Edit again.
  await prisma.membership.update({ where: { workspaceId_userId: { workspaceId: workspace.id, userId: users.member.id } }, data: { role: "viewer" } });
  await page.reload();
  await expect(page.getByTestId("bucket-row").filter({ hasText: "Top-up" })).toContainText("Paused while your role is Viewer");
  await expect(debitCredits({ workspaceId: workspace.id, member: users.member.id, feature: "chat_reply", credits: 1, idempotencyKey: `c-viewer-${workspace.id}` })).rejects.toMatchObject({ code: "forbidden" });
  await prisma.membership.update({ where: { workspaceId_userId: { workspaceId: workspace.id, userId: users.member.id } }, data: { role: "member" } });
  await page.reload();
  await expect(page.getByTestId("bucket-row").filter({ hasText: "Top-up" })).not.toContainText("Paused");
});

import { expect, prisma, signIn, test } from "./fixtures/test";
import { availableCredits, memberOutOfCredits } from "./fixtures/credits";
import { subscribe } from "@/prisma/seed/credits";
import { saveCardFor } from "./fixtures/saved-card";

const PACK = 3_000;

test.beforeEach(async ({ roles }) => {
  // Page 002: editors have monthly quotas, members request top-ups, admins buy them.
  await memberOutOfCredits({ workspaceId: roles.workspace.id, userId: roles.users.member.id, preset: "per-editor-top-ups", planKey: "team" });
  await subscribe(prisma, { workspaceId: roles.workspace.id, userId: roles.users.admin.id, planKey: "team", anchorAt: new Date(Date.now() - 86_400_000) });
});

test("member requests a top-up → admin sees the notification → approves on the workspace's card → the member's credits land", async ({ page, roles, browser }) => {
  const { workspace, users } = roles;
  await saveCardFor(users.owner);
  await signIn(page, users.member.email);
  await page.goto(`/w/${workspace.slug}/work`);
  await page.getByRole("button", { name: /Summarize chart/ }).click();
  const ask = page.getByRole("dialog", { name: "You're out of AI credits" });
  await expect(ask).toContainText("owners and admins buy top-ups");
  await ask.getByRole("radio", { name: /3,000 credits/ }).check();
  await ask.getByLabel(/Note for your admin/).fill("Referral letters this week");
  await ask.getByRole("button", { name: "Send request" }).click();
  await expect(ask.getByRole("status")).toContainText("Request sent");
  await ask.getByRole("link", { name: "See your requests" }).click();
  await expect(page.getByTestId("my-requests")).toContainText("Waiting for approval");

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, users.admin.email);
  await admin.goto(`/w/${workspace.slug}/admin`);
  await expect(admin.getByTestId("notifications")).toContainText("asks for a top-up");
  const requests = admin.getByRole("list", { name: "Requests waiting for a decision" });
  await expect(requests).toContainText("3,000 credits");
  await expect(requests).toContainText("Referral letters this week");
  await requests.getByRole("button", { name: "Approve" }).click();
  const approve = admin.getByRole("dialog", { name: "Approve top-up request" });
  await expect(approve.getByTestId("purchase-summary")).toContainText("$10.00");
  await expect(approve.getByTestId("charged-card")).toContainText("the workspace's card");
  await approve.getByRole("button", { name: "Approve and pay $10.00" }).click();
  await expect(approve).toBeHidden();
  await expect(admin.getByRole("status").filter({ hasText: "Approved" })).toBeVisible();
  await expect(admin.getByText("No requests waiting")).toBeVisible();
  await adminContext.close();

  expect(await availableCredits(workspace.id, users.member.id)).toBe(PACK);
  expect(await prisma.purchase.count({ where: { workspaceId: workspace.id, status: "succeeded" } })).toBe(1);
  expect(await prisma.topUpRequest.findFirst({ where: { workspaceId: workspace.id } })).toMatchObject({ status: "approved", deciderId: users.admin.id });

  await page.reload();
  await expect(page.getByTestId("my-requests")).toContainText("Approved");
  await expect(page.getByTestId("notifications")).toContainText("Your top-up was approved");
  await page.goto(`/w/${workspace.slug}/work`);
  await expect(page.getByTestId("credit-counter-value")).toHaveText("3,000");
});

test("admin declines with a reason → the member sees it declined, with the reason", async ({ page, roles, browser }) => {
  const { workspace, users } = roles;
  await signIn(page, users.member.email);
  await page.goto(`/w/${workspace.slug}/requests`);
  await expect(page.getByText("No requests yet")).toBeVisible();
  await page.getByRole("radio", { name: /10,000 credits/ }).check();
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByTestId("my-requests")).toContainText("Waiting for approval");

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, users.admin.email);
  await admin.goto(`/w/${workspace.slug}/admin#requests`);
  await admin.getByRole("button", { name: "Decline" }).click();
  await admin.getByLabel(/Reason for/).fill("Quota resets on Monday");
  await admin.getByRole("button", { name: "Decline request" }).click();
  await expect(admin.getByText("No requests waiting")).toBeVisible();
  await adminContext.close();

  await page.reload();
  await expect(page.getByTestId("my-requests")).toContainText("Declined");
  await expect(page.getByTestId("my-requests")).toContainText("Quota resets on Monday");
  expect(await prisma.purchase.count({ where: { workspaceId: workspace.id } })).toBe(0);
});

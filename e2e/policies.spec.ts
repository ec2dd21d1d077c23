import { expect, prisma, signIn, test } from "./fixtures/test";

test("owner switches the credit policy preset, adjusts a knob, and it is saved and audited", async ({ page, roles }) => {
  await signIn(page, roles.users.owner.email);
  await page.goto(`/w/${roles.workspace.slug}/settings`);
  await page.getByRole("link", { name: "Credit policy" }).click();
  await expect(page.getByRole("heading", { name: "Credit policy", exact: true })).toBeVisible();
  await expect(page.getByRole("radio", { name: /Never-expiring top-ups with an office pool/ })).toBeChecked();

  await page.getByRole("radio", { name: /Per-editor top-ups/ }).check();
  await expect(page.getByLabel("Members (with edit rights) may")).toHaveValue("request");
  await expect(page.getByRole("list", { name: "Packs" }).getByRole("listitem")).toHaveCount(4);
  await page.getByLabel("Starter credits on first use").fill("10");
  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByText("Policy saved.")).toBeVisible();

  const policy = (await prisma.workspace.findUniqueOrThrow({ where: { id: roles.workspace.id } })).policy as { preset: string; ledger: { starterCredits: number; pauseTopUpsWithoutPaidPlan: boolean } };
  expect(policy).toMatchObject({ preset: "per-editor-top-ups", ledger: { starterCredits: 10, pauseTopUpsWithoutPaidPlan: true } });
  expect(await prisma.auditLog.count({ where: { workspaceId: roles.workspace.id, action: "policy.updated" } })).toBe(1);

  await page.reload();
  await expect(page.getByRole("radio", { name: /Per-editor top-ups/ })).toBeChecked();
  await expect(page.getByLabel("Starter credits on first use")).toHaveValue("10");

  await page.goto(`/w/${roles.workspace.slug}/settings/audit`);
  await expect(page.getByTestId("audit-row").first()).toContainText("policy.updated");
});

test("a bad value is refused with a clear message and nothing changes", async ({ page, roles }) => {
  await signIn(page, roles.users.owner.email);
  await page.goto(`/w/${roles.workspace.slug}/settings/policies`);
  await page.getByLabel("Pack 1 price").fill("0.10");
  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByRole("form", { name: "Credit policy" }).getByRole("alert")).toContainText("at least 0.50");
  expect((await prisma.workspace.findUniqueOrThrow({ where: { id: roles.workspace.id } })).policy).toEqual({});
});

test("an admin is refused the policy page and sees no link to it", async ({ page, roles }) => {
  await signIn(page, roles.users.admin.email);
  await page.goto(`/w/${roles.workspace.slug}/settings`);
  await expect(page.getByRole("link", { name: "Credit policy" })).toHaveCount(0);
  const response = await page.goto(`/w/${roles.workspace.slug}/settings/policies`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "This page needs another role" })).toBeVisible();
  await page.goto(`/w/${roles.workspace.slug}/settings/audit`);
  await expect(page.getByRole("heading", { name: "This page needs another role" })).toBeVisible();
});

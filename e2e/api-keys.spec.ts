import { expect, signIn, test } from "./fixtures/test";

test("an admin creates an API key, sees it once, and revokes it", async ({ page, roles }) => {
  await signIn(page, roles.users.admin.email);
  await page.goto(`/w/${roles.workspace.slug}/settings`);
  await page.getByLabel("New key name").fill("Production server");
  await page.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByTestId("new-api-key");
  await expect(shown).toHaveText(/^rf_live_/);
  const row = page.getByRole("row", { name: /Production server/ });
  await expect(row).toBeVisible();

  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("Revoked");

  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
});

test("a member sees no API key section", async ({ page, roles }) => {
  await signIn(page, roles.users.member.email);
  await page.goto(`/w/${roles.workspace.slug}/settings`);
  await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "API keys" })).toHaveCount(0);
});

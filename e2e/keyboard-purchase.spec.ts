import { expect, signIn, test } from "./fixtures/test";
import { memberOutOfCredits, usageCount } from "./fixtures/credits";

test("keyboard only: out of credits → card form → Pay with Enter → the action resumes", async ({ page, roles }) => {
  await memberOutOfCredits({ workspaceId: roles.workspace.id, userId: roles.users.member.id });
  await signIn(page, roles.users.member.email);
  await page.goto(`/w/${roles.workspace.slug}/work`);

  // Tab from the top of the page to the first AI button, then activate it with Enter.
  const summarize = page.getByRole("button", { name: /Summarize chart/ });
  for (let i = 0; i < 30 && !(await summarize.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(summarize).toBeFocused();
  await page.keyboard.press("Enter");

  const dialog = page.getByRole("dialog", { name: "You're out of AI credits" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Name on card")).toBeFocused();
  await page.keyboard.type("Ann Practitioner");
  await page.keyboard.press("Tab");
  await expect(dialog.getByLabel("Card number")).toBeFocused();
  await page.keyboard.type("4242424242424242");
  await page.keyboard.press("Tab");
  await page.keyboard.type("1234");
  await page.keyboard.press("Tab");
  await page.keyboard.type("123");
  await page.keyboard.press("Tab");
  await page.keyboard.type("SW1A 1AA");
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: /^Buy [\d,]+ credits for / })).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page.getByTestId("ai-output-chart-ellis")).toBeVisible();
  expect(await usageCount(roles.workspace.id, roles.users.member.id, "chart_summary")).toBe(1);
});

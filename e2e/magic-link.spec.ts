import { expect, test } from "./fixtures/test";

test("magic link: ask for a link, open it from the dev mailbox, continue, land signed in; the link works once", async ({ page, browser, roles }) => {
  const email = roles.users.member.email;
  await page.goto("/sign-in");
  await page.getByRole("tab", { name: "Email link" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("status")).toContainText("a sign-in link is on its way");

  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
  const message = page.getByTestId("mailbox-email").first();
  await expect(message).toContainText("Your Refill sign-in link");
  const link = await message.getByRole("link").first().getAttribute("href");
  expect(link).toContain("/sign-in/link?token=");

  await page.goto(link!);
  await page.getByRole("button", { name: `Continue as ${email}` }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${roles.workspace.slug}/work$`));
  await expect(page.getByTestId("current-role")).toHaveText("member");

  const otherContext = await browser.newContext();
  const otherPage = await otherContext.newPage();
  await otherPage.goto(link!);
  await expect(otherPage.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  await otherContext.close();
});

import { expect, prisma, signIn, test } from "./fixtures/test";

test("the header bell counts unread notices; the page lists them and marks them read", async ({ page, roles }) => {
  await prisma.notification.create({
    data: { workspaceId: roles.workspace.id, userId: roles.users.member.id, kind: "purchase_succeeded", title: "500 credits added", body: "Top-up · $10.00 · invoice INV-0001", href: `/w/${roles.workspace.slug}/credits` },
  });
  await signIn(page, roles.users.member.email);
  await page.goto(`/w/${roles.workspace.slug}/work`);
  await page.getByRole("link", { name: "Notifications, 1 unread" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${roles.workspace.slug}/notifications$`));
  await expect(page.getByTestId("notifications")).toContainText("500 credits added");
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(page.getByText("All read")).toBeVisible();
  await expect(page.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
});

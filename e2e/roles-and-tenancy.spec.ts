import { expect, PASSWORD, prisma, signIn, test } from "./fixtures/test";

const NAV_BY_ROLE = {
  owner: ["Work", "Credits", "Billing", "Admin", "Settings"],
  admin: ["Work", "Credits", "Billing", "Admin", "Settings"],
  member: ["Work", "Credits", "Billing", "Settings"],
  viewer: ["Work", "Credits", "Billing", "Settings"],
} as const;

for (const [role, expected] of Object.entries(NAV_BY_ROLE)) {
  test(`a ${role} signs in and sees the navigation of that role`, async ({ page, roles }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(roles.users[role as keyof typeof NAV_BY_ROLE].email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(`/w/${roles.workspace.slug}/work$`));
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link")).toHaveText([...expected]);
    await expect(page.getByTestId("current-role")).toHaveText(role);
  });
}

test("a viewer opening the admin page gets the friendly 403 page", async ({ page, roles }) => {
  await signIn(page, roles.users.viewer.email);
  const response = await page.goto(`/w/${roles.workspace.slug}/admin`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "This page needs another role" })).toBeVisible();
});

test("a member cannot reach the admin page either", async ({ page, roles }) => {
  await signIn(page, roles.users.member.email);
  const response = await page.goto(`/w/${roles.workspace.slug}/admin`);
  expect(response?.status()).toBe(403);
});

test("another workspace's URL answers 404 without revealing it", async ({ page, roles }) => {
  await signIn(page, "owner@northside.test", "demo-password");
  for (const path of ["work", "admin", "settings", "credits"]) {
    const response = await page.goto(`/w/${roles.workspace.slug}/${path}`);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "We couldn't find that" })).toBeVisible();
  }
});

test("signed-out visitors are sent to sign in", async ({ page, roles }) => {
  await page.goto(`/w/${roles.workspace.slug}/work`);
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign in to Refill" })).toBeVisible();
});

test("a wrong password is refused with a clear message", async ({ page, roles }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(roles.users.member.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password" })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("someone in two workspaces switches between them from the header", async ({ page, roles }) => {
  const second = await prisma.workspace.create({ data: { slug: `${roles.workspace.slug}-b`, name: `Second ${roles.workspace.slug}` } });
  await prisma.membership.create({ data: { workspaceId: second.id, userId: roles.users.member.id, role: "admin" } });
  await signIn(page, roles.users.member.email);
  await page.goto(`/w/${roles.workspace.slug}/work`);
  await page.getByRole("button", { name: /Switch workspace/ }).click();
  await page.getByRole("menuitem", { name: new RegExp(second.name) }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${second.slug}/work$`));
  await expect(page.getByTestId("current-role")).toHaveText("admin");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toBeVisible();
});

test("pages carry the security headers (CSP naming the payment origin, no framing)", async ({ page }) => {
  const response = await page.goto("/sign-in");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
  expect(headers["content-security-policy"]).toMatch(/connect-src 'self' http:\/\/127\.0\.0\.1:\d+/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
});

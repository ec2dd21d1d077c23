import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, PASSWORD, prisma, signIn, test } from "./fixtures/test";
import { createWorkspaceWithRoles, ensureApiKey } from "@/prisma/seed/identity";
import { sha256Hex } from "@/lib/auth/secret-token";

/** A valid sign-in link for `email`, as the attacker would get from their own mailbox. */
async function magicLinkFor(email: string) {
  const token = `ml_${randomBytes(32).toString("base64url")}`;
  await prisma.magicLinkToken.create({ data: { email, tokenHash: sha256Hex(token), expiresAt: new Date(Date.now() + 15 * 60_000) } });
  return { token, path: `/sign-in/link?token=${encodeURIComponent(token)}` };
}

/** Signs in through the form, as a person does; lands wherever sign-in sends them. */
async function signInWithForm(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/w\/[^/]+\/work$/);
}

async function sessionEmail(request: { get: (url: string) => Promise<{ json: () => Promise<unknown> }> }) {
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { email?: string } } | null;
  return session?.user?.email ?? null;
}

test.describe("sign-in attacks", () => {
  for (const [label, callbackUrl] of [
    ["backslash", "/\\evil.example/phish"],
    ["tab", "/\t/evil.example"],
    ["protocol-relative", "//evil.example/phish"],
    ["absolute", "https://evil.example/phish"],
  ] as const) {
    test(`open redirect (${label}): a callbackUrl off this origin lands on the app, not evil.example`, async ({ page, roles }) => {
      await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await page.getByLabel("Email").fill(roles.users.member.email);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(new RegExp(`/w/${roles.workspace.slug}/work$`));
      expect(new URL(page.url()).hostname).not.toContain("evil");
    });
  }

  test("login CSRF: someone else's magic link asks before switching accounts; the token is spent only on the click", async ({ page, roles }) => {
    const attacker = await createWorkspaceWithRoles(prisma, { label: "attacker", password: PASSWORD });
    await signIn(page, roles.users.member.email);
    const link = await magicLinkFor(attacker.users.owner.email);

    await page.goto(link.path);
    await expect(page.getByText(`You are signed in as ${roles.users.member.email}`)).toBeVisible();
    const confirm = page.getByRole("button", { name: `Continue as ${attacker.users.owner.email}` });
    await expect(confirm).toBeVisible();
    expect(await sessionEmail(page.request)).toBe(roles.users.member.email);
    expect((await prisma.magicLinkToken.findUniqueOrThrow({ where: { tokenHash: sha256Hex(link.token) } })).usedAt).toBeNull();

    await confirm.click();
    await expect(page).toHaveURL(new RegExp(`/w/${attacker.workspace.slug}/work$`));
    expect(await sessionEmail(page.request)).toBe(attacker.users.owner.email);
  });

  test("revocable sessions: a copied cookie stops working after sign-out", async ({ page, browser, roles }) => {
    await signIn(page, roles.users.member.email);
    const thief = await browser.newContext();
    await thief.addCookies(await page.context().cookies());
    expect(await sessionEmail(thief.request)).toBe(roles.users.member.email);

    await page.goto(`/w/${roles.workspace.slug}/work`);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);

    expect(await sessionEmail(thief.request)).toBeNull();
    const thiefPage = await thief.newPage();
    await thiefPage.goto(`/w/${roles.workspace.slug}/work`);
    await expect(thiefPage).toHaveURL(/\/sign-in/);
    await thief.close();
  });

  test("revocable sessions: “Sign out everywhere” in account settings ends a copied session", async ({ page, browser, roles }) => {
    await signIn(page, roles.users.admin.email);
    const thief = await browser.newContext();
    await thief.addCookies(await page.context().cookies());
    expect(await sessionEmail(thief.request)).toBe(roles.users.admin.email);

    await page.goto(`/w/${roles.workspace.slug}/work`);
    await page.getByRole("link", { name: "Account settings" }).click();
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    expect(await sessionEmail(thief.request)).toBeNull();
    expect(await sessionEmail(page.request)).toBeNull();
    await thief.close();
  });

  test("consent: an API key cannot enrol another workspace's user; she accepts in the app and only then appears", async ({ page, roles }) => {
    const victim = await createWorkspaceWithRoles(prisma, { label: "victim", password: PASSWORD });
    const key = `rf_test_${randomBytes(18).toString("base64url")}`;
    await ensureApiKey(prisma, { workspaceId: roles.workspace.id, key, name: "e2e" });
    const provisioned = await page.request.post("/api/v1/members", {
      headers: { authorization: `Bearer ${key}` },
      data: { email: victim.users.member.email, role: "admin" },
    });
    expect(provisioned.status()).toBe(202);
    const body = await provisioned.json();
    expect(body).toMatchObject({ status: "pending" });
    expect(body).not.toHaveProperty("id");
    expect(JSON.stringify(body)).not.toContain("Member ");

    const victimName = (await prisma.user.findUniqueOrThrow({ where: { id: victim.users.member.id } })).name;
    await signIn(page, roles.users.owner.email);
    await page.goto(`/w/${roles.workspace.slug}/admin`);
    await expect(page.getByRole("heading", { name: "Admin" })).toBeVisible();
    await expect(page.getByText(victimName)).toHaveCount(0);
    await expect(page.getByRole("button", { name: `Cancel invitation for ${victim.users.member.email}` })).toBeVisible();

    await page.context().clearCookies();
    await signInWithForm(page, victim.users.member.email);
    await expect(page).toHaveURL(new RegExp(`/w/${victim.workspace.slug}/work$`));
    const banner = page.getByRole("region", { name: "Invitations" });
    await expect(banner).toContainText(roles.workspace.name);
    await expect(banner).toContainText("admin");
    await banner.getByRole("button", { name: `Accept invitation to ${roles.workspace.name}` }).click();
    await expect(page).toHaveURL(new RegExp(`/w/${roles.workspace.slug}/work$`));
    await expect(page.getByTestId("current-role")).toHaveText("admin");
  });

  test("after sign-in the user lands in the workspace they used last, not the first by name", async ({ page, roles }) => {
    const zulu = await prisma.workspace.create({ data: { slug: `zulu-${roles.workspace.slug}`, name: `Zulu ${roles.workspace.slug}` } });
    const alpha = await prisma.workspace.create({ data: { slug: `alpha-${roles.workspace.slug}`, name: `Alpha ${roles.workspace.slug}` } });
    await prisma.membership.createMany({
      data: [
        { workspaceId: zulu.id, userId: roles.users.member.id, role: "member" },
        { workspaceId: alpha.id, userId: roles.users.member.id, role: "viewer" },
      ],
    });
    await signIn(page, roles.users.member.email);
    await page.goto(`/w/${zulu.slug}/credits`);
    await expect(page.getByTestId("current-role")).toHaveText("member");
    await page.context().clearCookies();

    await signInWithForm(page, roles.users.member.email);
    await expect(page).toHaveURL(new RegExp(`/w/${zulu.slug}/work$`));
  });
});

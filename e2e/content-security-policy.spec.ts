import type { Page } from "@playwright/test";
import { expect, prisma, signIn, test } from "./fixtures/test";
import { fillCard } from "./fixtures/card";
import { seedPlans } from "@/prisma/seed/credits";

// The CSP allows no inline script but the ones Next renders with this response's nonce; every
// page (and the Stripe.js stand-in with its card form and 3-D Secure dialog) must still work.
declare global {
  interface Window {
    cspViolations: string[];
  }
}

async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
}

const violations = (page: Page) => page.evaluate(() => window.cspViolations);

function scriptSrc(csp: string | null): string {
  return (csp ?? "").split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
}

test("the CSP has a fresh nonce per response and no 'unsafe-inline' script; Next's scripts carry it", async ({ page }) => {
  const first = await page.request.get("/sign-in");
  const second = await page.request.get("/sign-in");
  const [a, b] = [scriptSrc(first.headers()["content-security-policy"]), scriptSrc(second.headers()["content-security-policy"])];
  expect(a).not.toContain("'unsafe-inline'");
  expect(a).toContain("'strict-dynamic'");
  const nonce = a.match(/'nonce-([A-Za-z0-9+/=_-]{16,})'/)?.[1];
  expect(nonce).toBeTruthy();
  expect(b).not.toContain(`'nonce-${nonce}'`);
  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
});

test("every page loads without a CSP violation", async ({ page, roles }) => {
  await recordViolations(page);
  for (const path of ["/sign-in", "/sign-in/link?token=not-a-token", "/dev/mailbox"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    expect(await violations(page), path).toEqual([]);
  }
  await signIn(page, roles.users.owner.email);
  const slug = roles.workspace.slug;
  const pages = ["work", "credits", "credits/auto-reload", "billing", "admin", "requests", "notifications", "settings", "settings/policies", "settings/audit", "settings/account"];
  for (const path of pages) {
    const response = await page.goto(`/w/${slug}/${path}`);
    expect(response?.status(), path).toBeLessThan(400);
    await page.waitForLoadState("networkidle");
    expect(await violations(page), path).toEqual([]);
  }
  await page.goto("/no-workspace");
  expect(await violations(page), "/no-workspace").toEqual([]);
});

test("the Stripe.js stand-in, its card form and 3-D Secure run under the CSP", async ({ page, roles }) => {
  await seedPlans(prisma);
  await recordViolations(page);
  await signIn(page, roles.users.owner.email);
  await page.goto(`/w/${roles.workspace.slug}/billing`);
  await page.getByRole("button", { name: "Add a card" }).click();
  const form = page.getByRole("form", { name: "Save a card" });
  await fillCard(form, "4000 0000 0000 3220");
  await form.getByRole("button", { name: "Save card" }).click();
  const challenge = page.getByRole("dialog", { name: "Authenticate your card" });
  await challenge.getByRole("button", { name: "Complete authentication" }).click();
  await expect(page.getByText("is now the workspace's card")).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

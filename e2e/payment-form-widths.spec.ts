import { expect, prisma, signIn, test } from "./fixtures/test";
import { memberOutOfCredits } from "./fixtures/credits";
import { VIEWPORTS, expectCardFormUsable } from "./fixtures/form-widths";
import { POLICY_PRESETS } from "@/lib/credits/policy";
import { createTopUpRequest } from "@/lib/requests/create-topup-request";
import { subscribe } from "@/prisma/seed/credits";

// Issue 10 item 13: on a phone the card number field was 0 px wide (41 px on a desktop).
for (const viewport of VIEWPORTS) {
  test.describe(`payment forms on a ${viewport.name} (${viewport.width} px)`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test("the out-of-credits panel and the buy dialog show every card field in full", async ({ page, roles }) => {
      await memberOutOfCredits({ workspaceId: roles.workspace.id, userId: roles.users.member.id });
      await signIn(page, roles.users.member.email);
      await page.goto(`/w/${roles.workspace.slug}/work`);
      await page.getByRole("button", { name: /Summarize chart/ }).click();
      const panel = page.getByRole("dialog", { name: "You're out of AI credits" });
      await expectCardFormUsable(page, panel, "out-of-credits panel");
      await page.screenshot({ path: `test-results/widths-out-of-credits-${viewport.width}.png` });

      await page.goto(`/w/${roles.workspace.slug}/credits`);
      await page.getByRole("button", { name: /^Buy 500 credits/ }).click();
      const buy = page.getByRole("dialog", { name: "Buy credits" });
      await expectCardFormUsable(page, buy, "buy dialog");
      await page.screenshot({ path: `test-results/widths-buy-dialog-${viewport.width}.png` });
    });

    test("the plan checkout and the card replacement show every card field in full", async ({ page, roles }) => {
      await signIn(page, roles.users.owner.email);
      await page.goto(`/w/${roles.workspace.slug}/billing`);
      await page.getByRole("button", { name: "Subscribe: AI Pro" }).click();
      const checkout = page.getByRole("dialog", { name: "Subscribe to AI Pro" });
      await expectCardFormUsable(page, checkout, "plan checkout");
      await page.screenshot({ path: `test-results/widths-plan-checkout-${viewport.width}.png` });
      await checkout.getByRole("button", { name: "Close" }).click();

      await page.getByRole("button", { name: "Add a card" }).click();
      const setup = page.getByRole("form", { name: "Save a card" });
      await expectCardFormUsable(page, setup, "card replacement");
      await page.screenshot({ path: `test-results/widths-card-setup-${viewport.width}.png`, fullPage: true });
    });

    test("a purchase for editors and an approval show every card field in full", async ({ page, roles }) => {
      await prisma.workspace.update({ where: { id: roles.workspace.id }, data: { policy: POLICY_PRESETS["per-editor-top-ups"] } });
      await subscribe(prisma, { workspaceId: roles.workspace.id, planKey: "team", anchorAt: new Date(Date.now() - 86_400_000) });
      const member = await prisma.user.findUniqueOrThrow({ where: { id: roles.users.member.id } });
      await createTopUpRequest({ workspaceId: roles.workspace.id, requester: { userId: member.id, name: member.name, role: "member" }, offerId: "pack-3000", baseUrl: "http://localhost" });

      // The workspace's card holder (no card yet) types one; an admin would be told to ask them.
      await signIn(page, roles.users.owner.email);
      await page.goto(`/w/${roles.workspace.slug}/admin`);
      const section = page.getByRole("region", { name: "Top up members" });
      await section.getByRole("checkbox", { name: `Top up ${member.name}` }).check();
      await section.getByRole("button", { name: "Review purchase" }).click();
      const review = page.getByRole("dialog", { name: "Top up editors" });
      await expectCardFormUsable(page, review, "admin purchase");
      await page.screenshot({ path: `test-results/widths-admin-purchase-${viewport.width}.png` });
      await review.getByRole("button", { name: "Close" }).click();

      await page.getByRole("list", { name: "Requests waiting for a decision" }).getByRole("button", { name: "Approve" }).click();
      const approve = page.getByRole("dialog", { name: "Approve top-up request" });
      await expectCardFormUsable(page, approve, "approval");
      await page.screenshot({ path: `test-results/widths-approval-${viewport.width}.png` });
      await expect(approve.getByTestId("purchase-summary")).toBeVisible();
    });
  });
}

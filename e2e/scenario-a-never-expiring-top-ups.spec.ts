import { expect, prisma, signIn, test } from "./fixtures/test";
import { POLICY_PRESETS } from "@/lib/credits/policy";
import { grantCredits } from "@/lib/credits/grant-credits";
import { debitCredits } from "@/lib/credits/debit-credits";
import { getBalance } from "@/lib/credits/get-balance";
import { setPoolShare } from "@/lib/credits/set-pool-share";
import { subscribe } from "@/prisma/seed/credits";

const PRESET = POLICY_PRESETS["never-expiring-top-ups-with-office-pool"];
const STARTER = PRESET.ledger.starterCredits;

// Scenario A (page 000): starter credits on the first click; starter used up → a plan, not a
// top-up; on a plan with a pool share, spending draws plan → pool → top-ups and the counter shows
// the total. (Paying at zero with the card form, 3-D Secure, saved card and declines are walked in
// out-of-credits.spec.ts under this same preset.)
test("scenario A: starter on first click, then a plan; plan → pool share → top-ups, one total", async ({ page, roles }) => {
  const { workspace, users } = roles;
  await prisma.workspace.update({ where: { id: workspace.id }, data: { policy: PRESET } });
  await signIn(page, users.member.email);
  await page.goto(`/w/${workspace.slug}/work`);

  // 1. No plan: the first AI click grants the starter credits and the action runs.
  await page.getByRole("button", { name: /Summarize chart/ }).click();
  await expect(page.getByTestId("ai-output-chart-ellis")).toBeVisible();
  await expect(page.getByTestId("credit-counter-value")).toHaveText(String(STARTER - 4));

  // 2. Starter used up: the panel offers a plan, not a top-up.
  await debitCredits({ workspaceId: workspace.id, member: users.member.id, feature: "chat_reply", credits: STARTER - 4, idempotencyKey: `a-drain-${workspace.id}` });
  await page.reload();
  await page.getByRole("button", { name: /Summarize chart/ }).click();
  const panel = page.getByRole("dialog", { name: "You're out of AI credits" });
  await expect(panel).toContainText("subscribe to an AI plan");
  await expect(panel.getByRole("button", { name: /^Pay|^Buy/ })).toHaveCount(0);
  await page.screenshot({ path: "test-results/scenario-a-subscribe-path.png" });
  await panel.getByRole("button", { name: "Close" }).click();

  // 3. On a plan with an office pool share and a top-up: plan first, then the pool share, then top-ups.
  await subscribe(prisma, { workspaceId: workspace.id, userId: users.member.id, planKey: "ai-starter", anchorAt: new Date(Date.now() - 86_400_000) });
  await grantCredits({ workspaceId: workspace.id, member: null, credits: 5000, source: "pool", memo: "Office pool", idempotencyKey: `a-pool-${workspace.id}` });
  await setPoolShare({ workspaceId: workspace.id, member: users.member.id, capPerCycle: 300 });
  await grantCredits({ workspaceId: workspace.id, member: users.member.id, credits: 500, source: "top_up", expiresAt: null, memo: "Top-up", idempotencyKey: `a-topup-${workspace.id}` });
  const before = await getBalance({ workspaceId: workspace.id, member: users.member.id });
  await page.reload();
  await expect(page.getByTestId("credit-counter-value")).toHaveText(new Intl.NumberFormat("en-GB").format(before.available));
  const spent = await debitCredits({ workspaceId: workspace.id, member: users.member.id, feature: "chat_reply", credits: 1200, idempotencyKey: `a-spend-${workspace.id}` });
  expect(spent.drawn).toEqual([
    { source: "plan", credits: 1000 },
    { source: "pool", credits: 200 },
  ]);
  const more = await debitCredits({ workspaceId: workspace.id, member: users.member.id, feature: "chat_reply", credits: 150, idempotencyKey: `a-spend2-${workspace.id}` });
  expect(more.drawn).toEqual([
    { source: "pool", credits: 100 },
    { source: "top_up", credits: 50 },
  ]);
  await page.reload();
  await expect(page.getByTestId("credit-counter-value")).toHaveText("450");
});

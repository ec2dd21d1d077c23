import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { createCreditsWorkspace } from "@/prisma/seed/credits";
import { createWorkspaceWithRoles } from "@/prisma/seed/identity";
import { debitCredits } from "@/lib/credits/debit-credits";
import { grantCredits } from "@/lib/credits/grant-credits";
import { getBalance } from "@/lib/credits/get-balance";
import { listCreditEvents } from "@/lib/credits/list-credit-events";
import { verifyLedger } from "@/lib/credits/verify-ledger";

const NO_STARTER = { ledger: { starterCredits: 0 } };

async function setup(policy: object = NO_STARTER) {
  const { workspace, users } = await createCreditsWorkspace(prisma, { label: "debit", policy });
  const ws = workspace.id;
  const member = users.member.email;
  const topUp = (credits: number, key = crypto.randomUUID()) =>
    grantCredits({ workspaceId: ws, member, credits, source: "top_up", expiresAt: null, memo: "Top-up", idempotencyKey: key });
  const debit = (credits: number, key = crypto.randomUUID(), feature = "chart_summary") =>
    debitCredits({ workspaceId: ws, member, feature, credits, idempotencyKey: key });
  return { ws, users, member, topUp, debit };
}

describe("debitCredits", () => {
  beforeEach(resetDatabase);

  it("draws a grant and writes one entry with the balance after", async () => {
    const { ws, member, topUp, debit } = await setup();
    await topUp(100);
    const usage = await debit(30);
    expect(usage).toMatchObject({ status: "captured", credits: 30, available: 70, drawn: [{ source: "top_up", credits: 30 }] });
    const { events } = await listCreditEvents({ workspaceId: ws, member });
    expect(events.map((e) => [e.type, e.credits, e.balanceAfter, e.feature])).toEqual([
      ["debit", -30, 70, "chart_summary"],
      ["grant", 100, 100, null],
    ]);
    expect((await verifyLedger(ws)).problems).toEqual([]);
  });

  it("refuses when short (402 with available and required) and changes nothing; the key stays free", async () => {
    const { ws, member, topUp, debit } = await setup();
    await topUp(10);
    await expect(debit(11, "k1")).rejects.toMatchObject({ code: "insufficient_credits", details: { available: 10, required: 11 } });
    expect((await getBalance({ workspaceId: ws, member })).available).toBe(10);
    await topUp(5);
    await expect(debit(11, "k1")).resolves.toMatchObject({ available: 4 });
  });

  it("replays the first result for the same key and body, and refuses another body", async () => {
    const { ws, member, topUp, debit } = await setup();
    await topUp(100);
    const first = await debit(10, "same");
    expect(await debit(10, "same")).toEqual(first);
    await expect(debit(11, "same")).rejects.toMatchObject({ code: "idempotency_conflict" });
    expect((await getBalance({ workspaceId: ws, member })).available).toBe(90);
  });

  it("spends plan credits, then the pool share, then top-ups", async () => {
    const { ws, users, member, topUp, debit } = await setup();
    await prisma.subscription.create({
      data: { workspaceId: ws, userId: users.member.id, planId: (await prisma.plan.findUniqueOrThrow({ where: { key: "ai-starter" } })).id, anchorAt: new Date(Date.now() - 86_400_000) },
    });
    await topUp(100);
    await grantCredits({ workspaceId: ws, member: null, credits: 50, source: "promotional", expiresAt: null, memo: "Pool", idempotencyKey: "pool" });
    expect((await getBalance({ workspaceId: ws, member })).buckets.map((b) => [b.source, b.remaining])).toEqual([
      ["plan", 1000],
      ["pool", 50],
      ["top_up", 100],
    ]);
    const usage = await debit(1_120);
    expect(usage.drawn).toEqual([
      { source: "plan", credits: 1000 },
      { source: "pool", credits: 50 },
      { source: "top_up", credits: 70 },
    ]);
    expect(usage.available).toBe(30);
    expect((await verifyLedger(ws)).ok).toBe(true);
  });

  it("grants starter credits once, on first use, when no plan covers the member", async () => {
    const { ws, member, debit } = await setup({});
    await expect(debit(20)).resolves.toMatchObject({ available: 30, drawn: [{ source: "starter", credits: 20 }] });
    await expect(debit(31)).rejects.toMatchObject({ code: "insufficient_credits", details: { available: 30 } });
    await debit(30);
    await expect(debit(1)).rejects.toMatchObject({ code: "insufficient_credits", details: { available: 0 } });
    expect(await prisma.creditGrant.count({ where: { workspaceId: ws, source: "starter" } })).toBe(1);
    expect((await getBalance({ workspaceId: ws, member })).available).toBe(0);
  });

  it("applies the API rule order: member 404, feature 400, viewer 403", async () => {
    const { ws, users } = await setup();
    const other = await createWorkspaceWithRoles(prisma, { label: "other" });
    const attempt = (member: string, feature = "chart_summary") =>
      debitCredits({ workspaceId: ws, member, feature, credits: 1, idempotencyKey: crypto.randomUUID() });
    await expect(attempt(other.users.member.email)).rejects.toMatchObject({ code: "not_found" });
    await expect(attempt(other.users.member.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(attempt(users.member.email, "nope")).rejects.toMatchObject({ code: "invalid_request", details: { field: "feature" } });
    await expect(attempt(users.viewer.email)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("ignores expired grants in balances before the expiry job runs", async () => {
    const { ws, member, debit } = await setup();
    const soon = new Date(Date.now() + 1_000);
    await grantCredits({ workspaceId: ws, member, credits: 40, source: "promotional", expiresAt: soon, memo: "Promo", idempotencyKey: "p" });
    const later = new Date(Date.now() + 5_000);
    expect((await getBalance({ workspaceId: ws, member, now: later })).available).toBe(0);
    await expect(debitCredits({ workspaceId: ws, member, feature: "chat_reply", credits: 1, idempotencyKey: "x", now: later })).rejects.toMatchObject({
      code: "insufficient_credits",
    });
    expect(debit).toBeDefined();
  });
});

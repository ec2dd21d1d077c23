import { beforeEach, describe, expect, it } from "vitest";
import { prisma, pgPool } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { createCreditsWorkspace, subscribe } from "@/prisma/seed/credits";
import { debitCredits } from "@/lib/credits/debit-credits";
import { grantCredits } from "@/lib/credits/grant-credits";
import { getBalance } from "@/lib/credits/get-balance";
import { expireGrants } from "@/lib/credits/expire-grants";
import { setPoolShare } from "@/lib/credits/set-pool-share";
import { pauseSpending } from "@/lib/credits/pause-spending";
import { verifyLedger } from "@/lib/credits/verify-ledger";
import { DEFAULT_LEDGER_POLICY, POLICY_PRESETS, resolvePolicy } from "@/lib/credits/policy";
import { cycleBounds } from "@/lib/plans/cycle-bounds";

const at = (iso: string) => new Date(iso);

describe("plans, cycles, pools and pauses", () => {
  beforeEach(resetDatabase);

  it("keeps the SQL ledger defaults equal to the TypeScript ones", async () => {
    const { rows } = await pgPool().query("SELECT credits_ledger_policy_default() AS p");
    expect(rows[0].p).toEqual(DEFAULT_LEDGER_POLICY);
    expect(resolvePolicy({ preset: "cycle-extras" })).toEqual(POLICY_PRESETS["cycle-extras"]);
  });

  it("agrees with the TypeScript cycle arithmetic at month ends and leap days", async () => {
    const anchors = ["2024-01-31T09:00:00Z", "2024-02-29T00:00:00Z", "2023-12-31T23:59:59Z", "2024-03-30T12:00:00Z"];
    for (const anchor of anchors) {
      for (const interval of ["month", "year"] as const) {
        for (let day = 0; day < 800; day += 7) {
          const moment = new Date(at(anchor).getTime() + day * 86_400_000 + 3_600_000);
          const { rows } = await pgPool().query("SELECT cycle_start, cycle_end FROM credits_cycle_bounds($1, $2, $3)", [anchor, interval, moment]);
          const ts = cycleBounds(at(anchor), interval, moment);
          expect([rows[0].cycle_start.toISOString(), rows[0].cycle_end.toISOString()]).toEqual([ts.start.toISOString(), ts.end.toISOString()]);
        }
      }
    }
  });

  it("makes one allotment per cycle even on concurrent first touches; it expires at cycle end", async () => {
    const { workspace, users } = await createCreditsWorkspace(prisma, { label: "cycle", policy: { ledger: { starterCredits: 0 } } });
    const ws = workspace.id;
    await subscribe(prisma, { workspaceId: ws, userId: users.member.id, planKey: "ai-starter", anchorAt: at("2025-01-31T00:00:00Z") });
    await grantCredits({ workspaceId: ws, member: users.member.id, credits: 100, source: "top_up", expiresAt: null, memo: "t", idempotencyKey: "t", now: at("2025-01-31T00:00:00Z") });
    const feb = at("2025-02-10T00:00:00Z");
    const touches = await Promise.all(Array.from({ length: 8 }, () => getBalance({ workspaceId: ws, member: users.member.id, now: feb })));
    expect(new Set(touches.map((b) => b.available))).toEqual(new Set([1100]));
    const grants = await prisma.creditGrant.findMany({ where: { workspaceId: ws, source: "plan" } });
    expect(grants.map((g) => [g.cycleStart?.toISOString(), g.expiresAt?.toISOString()])).toEqual([
      ["2025-01-31T00:00:00.000Z", "2025-02-28T00:00:00.000Z"],
    ]);
    await debitCredits({ workspaceId: ws, member: users.member.id, feature: "chat_reply", credits: 300, idempotencyKey: "d", now: feb });
    const march = at("2025-03-01T00:00:00Z");
    await expireGrants({ now: march });
    const balance = await getBalance({ workspaceId: ws, member: users.member.id, now: march });
    expect(balance.buckets.map((b) => [b.source, b.remaining])).toEqual([["plan", 1000], ["top_up", 100]]);
    expect((await verifyLedger(ws)).problems).toEqual([]);
  });

  it("credits a workspace plan to the pool and caps each member's share per month", async () => {
    const { workspace, users } = await createCreditsWorkspace(prisma, { label: "pool", policy: POLICY_PRESETS["cycle-extras"] });
    const ws = workspace.id;
    await subscribe(prisma, { workspaceId: ws, planKey: "team", anchorAt: new Date(Date.now() - 86_400_000) });
    await setPoolShare({ workspaceId: ws, member: users.member.email, capPerCycle: 300 });
    expect((await getBalance({ workspaceId: ws, member: users.member.email })).available).toBe(300);
    expect((await getBalance({ workspaceId: ws, member: users.admin.email })).available).toBe(10_000);
    await debitCredits({ workspaceId: ws, member: users.member.email, feature: "chat_reply", credits: 250, idempotencyKey: "a" });
    await expect(
      debitCredits({ workspaceId: ws, member: users.member.email, feature: "chat_reply", credits: 51, idempotencyKey: "b" }),
    ).rejects.toMatchObject({ code: "insufficient_credits", details: { available: 50 } });
    expect((await getBalance({ workspaceId: ws, member: null })).available).toBe(9_750);
  });

  it("pauses top-ups on a free workspace (402 credits_paused) and lets them work again on a paid plan", async () => {
    const { workspace, users } = await createCreditsWorkspace(prisma, { label: "pause", policy: POLICY_PRESETS["per-editor-top-ups"] });
    const ws = workspace.id;
    const member = users.member.email;
    const free = await subscribe(prisma, { workspaceId: ws, planKey: "free", anchorAt: new Date(Date.now() - 1000) });
    await grantCredits({ workspaceId: ws, member, credits: 3000, source: "top_up", expiresAt: null, memo: "t", idempotencyKey: "t" });
    const balance = await getBalance({ workspaceId: ws, member });
    expect(balance).toMatchObject({ available: 0, buckets: [{ source: "top_up", remaining: 3000, paused: true }] });
    const spend = () => debitCredits({ workspaceId: ws, member, feature: "draft_post", credits: 5, idempotencyKey: "s" });
    await expect(spend()).rejects.toMatchObject({ code: "credits_paused", details: { reason: "no_paid_plan" } });
    await prisma.subscription.update({ where: { id: free.id }, data: { status: "ended", endsAt: new Date() } });
    await subscribe(prisma, { workspaceId: ws, planKey: "ai-pro", anchorAt: new Date(Date.now() - 1000) });
    await expect(spend()).resolves.toMatchObject({ drawn: [{ source: "plan", credits: 5 }] });
    expect((await getBalance({ workspaceId: ws, member: users.viewer.email })).buckets.every((b) => b.paused)).toBe(true);
  });

  it("pauses all metered work after a failed auto-reload payment", async () => {
    const { workspace, users } = await createCreditsWorkspace(prisma, { label: "halt" });
    await pauseSpending({ workspaceId: workspace.id, reason: "auto_reload_payment_failed" });
    await expect(
      debitCredits({ workspaceId: workspace.id, member: users.member.email, feature: "chat_reply", credits: 1, idempotencyKey: "x" }),
    ).rejects.toMatchObject({ code: "credits_paused", details: { reason: "auto_reload_payment_failed" } });
  });
});

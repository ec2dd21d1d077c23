import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { createCreditsWorkspace } from "@/prisma/seed/credits";
import { holdCredits } from "@/lib/credits/hold-credits";
import { captureHold } from "@/lib/credits/capture-hold";
import { releaseHold } from "@/lib/credits/release-hold";
import { refundUsage } from "@/lib/credits/refund-usage";
import { debitCredits } from "@/lib/credits/debit-credits";
import { grantCredits } from "@/lib/credits/grant-credits";
import { getBalance } from "@/lib/credits/get-balance";
import { expireHolds } from "@/lib/credits/expire-holds";
import { expireGrants } from "@/lib/credits/expire-grants";
import { verifyLedger } from "@/lib/credits/verify-ledger";

async function setup() {
  const { workspace, users } = await createCreditsWorkspace(prisma, { label: "holds", policy: { ledger: { starterCredits: 0 } } });
  const ws = workspace.id;
  const member = users.member.email;
  const grant = (credits: number, source: "top_up" | "promotional", expiresAt: Date | null = null) =>
    grantCredits({ workspaceId: ws, member, credits, source, expiresAt, memo: source, idempotencyKey: crypto.randomUUID() });
  const hold = (credits: number, expiresInSeconds?: number) =>
    holdCredits({ workspaceId: ws, member, feature: "ai_clip", credits, idempotencyKey: crypto.randomUUID(), expiresInSeconds });
  const available = async (now?: Date) => (await getBalance({ workspaceId: ws, member, now })).available;
  return { ws, member, grant, hold, available };
}

describe("holds", () => {
  beforeEach(resetDatabase);

  it("count against available at once; capture ≤ held releases the rest", async () => {
    const { ws, grant, hold, available } = await setup();
    await grant(100, "top_up");
    const held = await hold(60);
    expect(held).toMatchObject({ status: "held", credits: 60 });
    expect(await available()).toBe(40);
    await expect(captureHold({ workspaceId: ws, holdId: held.id, credits: 61 })).rejects.toMatchObject({ code: "exceeds_hold" });
    await expect(captureHold({ workspaceId: ws, holdId: held.id, credits: 45 })).resolves.toMatchObject({ status: "captured", credits: 45, available: 55 });
    await expect(captureHold({ workspaceId: ws, holdId: held.id, credits: 45 })).rejects.toMatchObject({ code: "hold_not_active" });
    await expect(releaseHold({ workspaceId: ws, holdId: held.id })).rejects.toMatchObject({ code: "hold_not_active" });
    expect((await verifyLedger(ws)).problems).toEqual([]);
  });

  it("release gives everything back; a keyed capture replays", async () => {
    const { ws, grant, hold, available } = await setup();
    await grant(100, "top_up");
    const a = await hold(30);
    await expect(releaseHold({ workspaceId: ws, holdId: a.id })).resolves.toMatchObject({ status: "released", available: 100 });
    const b = await hold(30);
    const first = await captureHold({ workspaceId: ws, holdId: b.id, credits: 10, idempotencyKey: "cap" });
    expect(await captureHold({ workspaceId: ws, holdId: b.id, credits: 10, idempotencyKey: "cap" })).toEqual(first);
    expect(await available()).toBe(90);
  });

  it("expire: the credits come back and the hold can no longer be captured", async () => {
    const { ws, grant, hold, available } = await setup();
    await grant(100, "top_up");
    const held = await hold(70, 60);
    const later = new Date(Date.now() + 120_000);
    await expireHolds({ now: later });
    expect(await available(later)).toBe(100);
    await expect(captureHold({ workspaceId: ws, holdId: held.id, credits: 1, now: later })).rejects.toMatchObject({ code: "hold_not_active" });
    expect((await verifyLedger(ws)).problems).toEqual([]);
  });

  it("is looked up in this workspace only", async () => {
    const { grant, hold } = await setup();
    await grant(10, "top_up");
    const held = await hold(5);
    const other = await createCreditsWorkspace(prisma, { label: "other" });
    await expect(captureHold({ workspaceId: other.workspace.id, holdId: held.id, credits: 1 })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("refunds", () => {
  beforeEach(resetDatabase);

  it("go back to the grants drawn, partially then in full", async () => {
    const { ws, member, grant, available } = await setup();
    await grant(50, "top_up");
    const usage = await debitCredits({ workspaceId: ws, member, feature: "chat_reply", credits: 40, idempotencyKey: "u" });
    await expect(refundUsage({ workspaceId: ws, usageId: usage.id, credits: 41, reason: "x" })).rejects.toMatchObject({ code: "refund_exceeds_usage" });
    await expect(refundUsage({ workspaceId: ws, usageId: usage.id, credits: 15, reason: "bad output" })).resolves.toMatchObject({
      status: "partially_refunded",
      credits: 15,
      available: 25,
    });
    await expect(refundUsage({ workspaceId: ws, usageId: usage.id, reason: "rest" })).resolves.toMatchObject({ status: "refunded", credits: 25, available: 50 });
    await expect(refundUsage({ workspaceId: ws, usageId: usage.id, reason: "again" })).rejects.toMatchObject({ code: "already_refunded" });
    expect(await available()).toBe(50);
    expect((await verifyLedger(ws)).problems).toEqual([]);
  });

  it("become a refund grant when the drawn grant has expired", async () => {
    const { ws, member, grant } = await setup();
    await grant(20, "promotional", new Date(Date.now() + 60_000));
    const usage = await debitCredits({ workspaceId: ws, member, feature: "chat_reply", credits: 15, idempotencyKey: "u" });
    const later = new Date(Date.now() + 120_000);
    await expireGrants({ now: later });
    const refund = await refundUsage({ workspaceId: ws, usageId: usage.id, reason: "outage", now: later });
    expect(refund.available).toBe(15);
    const buckets = (await getBalance({ workspaceId: ws, member, now: later })).buckets;
    expect(buckets).toEqual([{ source: "refund", remaining: 15, expiresAt: null, paused: false }]);
    expect((await verifyLedger(ws)).problems).toEqual([]);
  });
});

import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { createCreditsWorkspace } from "@/prisma/seed/credits";
import { grantCredits } from "@/lib/credits/grant-credits";
import { debitCredits } from "@/lib/credits/debit-credits";
import { holdCredits } from "@/lib/credits/hold-credits";
import { captureHold } from "@/lib/credits/capture-hold";
import { releaseHold } from "@/lib/credits/release-hold";
import { refundUsage } from "@/lib/credits/refund-usage";
import { listCreditHistory } from "@/lib/credits/list-credit-history";
import { buildCreditEventsCsv } from "@/lib/credits/credit-events-csv";

async function seedHistory() {
  const { workspace, users } = await createCreditsWorkspace(prisma, { label: "history", policy: { ledger: { starterCredits: 0 } } });
  const ws = workspace.id;
  const member = users.member.id;
  await grantCredits({ workspaceId: ws, member, credits: 500, source: "top_up", expiresAt: null, memo: "Pack", idempotencyKey: "g1", actor: `user:${users.owner.id}` });
  await grantCredits({ workspaceId: ws, member: users.admin.id, credits: 100, source: "adjustment", expiresAt: null, memo: "Goodwill", idempotencyKey: "g2" });
  const usage = await debitCredits({ workspaceId: ws, member, feature: "draft_post", credits: 5, group: "campaign:spring", idempotencyKey: "d1", actor: "api_key:k1" });
  const captured = await holdCredits({ workspaceId: ws, member, feature: "ai_clip", credits: 20, idempotencyKey: "h1" });
  await captureHold({ workspaceId: ws, holdId: captured.id, credits: 10 });
  const released = await holdCredits({ workspaceId: ws, member, feature: "chart_summary", credits: 8, idempotencyKey: "h2" });
  await releaseHold({ workspaceId: ws, holdId: released.id });
  await refundUsage({ workspaceId: ws, usageId: usage.id, reason: "Failed draft" });
  return { ws, users };
}

describe("listCreditHistory", () => {
  beforeEach(resetDatabase);

  it("lists a member's events newest first with kind, feature, group, who and balance after", async () => {
    const { ws, users } = await seedHistory();
    const { events, nextCursor } = await listCreditHistory({ workspaceId: ws, memberId: users.member.id });
    expect(nextCursor).toBeNull();
    expect(events.map((e) => [e.kind, e.credits, e.balanceAfter])).toEqual([
      ["refund", 5, 490],
      ["release", 8, 485],
      ["hold", -8, 477],
      ["release", 10, 485],
      ["usage", -20, 475],
      ["usage", -5, 495],
      ["top_up", 500, 500],
    ]);
    const draft = events.find((e) => e.feature === "draft_post" && e.kind === "usage");
    expect(draft).toMatchObject({ featureName: "Draft post", group: "campaign:spring", actorLabel: "API key", source: "top_up" });
    expect(events.at(-1)).toMatchObject({ actorLabel: expect.stringMatching(/^Owner /), member: { id: users.member.id, email: users.member.email } });
  });

  it("pages with keyset cursors without gaps or repeats", async () => {
    const { ws, users } = await seedHistory();
    const all = (await listCreditHistory({ workspaceId: ws, memberId: users.member.id, limit: 100 })).events.map((e) => e.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listCreditHistory({ workspaceId: ws, memberId: users.member.id, limit: 3, cursor });
      expect(page.events.length).toBeLessThanOrEqual(3);
      seen.push(...page.events.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it("filters by kind and keeps to the workspace and the member", async () => {
    const { ws, users } = await seedHistory();
    const usage = await listCreditHistory({ workspaceId: ws, kind: "usage" });
    expect(usage.events.map((e) => e.credits)).toEqual([-20, -5]);
    const adjustments = await listCreditHistory({ workspaceId: ws, kind: "adjustment" });
    expect(adjustments.events.map((e) => [e.member?.id, e.credits, e.memo])).toEqual([[users.admin.id, 100, "Goodwill"]]);
    expect((await listCreditHistory({ workspaceId: ws, memberId: users.member.id, kind: "adjustment" })).events).toEqual([]);
    const other = await createCreditsWorkspace(prisma, { label: "other" });
    expect((await listCreditHistory({ workspaceId: other.workspace.id })).events).toEqual([]);
    expect((await listCreditHistory({ workspaceId: other.workspace.id, memberId: users.member.id })).events).toEqual([]);
  });

  it("exports the same events as CSV rows", async () => {
    const { ws, users } = await seedHistory();
    const { events } = await listCreditHistory({ workspaceId: ws, memberId: users.member.id });
    const lines = buildCreditEventsCsv(events).trimEnd().split("\r\n");
    expect(lines).toHaveLength(events.length + 1);
    expect(lines[lines.length - 1]).toContain(",Top-up,500,Top-up,");
  });
});

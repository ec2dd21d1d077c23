import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { createCreditsWorkspace } from "@/prisma/seed/credits";
import { grantCredits } from "@/lib/credits/grant-credits";
import { debitCredits } from "@/lib/credits/debit-credits";
import { holdCredits } from "@/lib/credits/hold-credits";
import { captureHold } from "@/lib/credits/capture-hold";
import { refundUsage } from "@/lib/credits/refund-usage";
import { summarizeUsageByGroup } from "@/lib/credits/summarize-usage-by-group";

const DAY = 86_400_000;

describe("summarizeUsageByGroup", () => {
  beforeEach(resetDatabase);

  it("sums captured credits net of refunds by feature and by group over the period", async () => {
    const { workspace, users } = await createCreditsWorkspace(prisma, { label: "usage", policy: { ledger: { starterCredits: 0 } } });
    const ws = workspace.id;
    const now = new Date();
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    for (const member of [users.member.id, users.admin.id]) {
      await grantCredits({ workspaceId: ws, member, credits: 10_000, source: "top_up", expiresAt: null, memo: "t", idempotencyKey: `g-${member}`, now: ago(100) });
    }
    const spend = (member: string, feature: string, credits: number, group: string | undefined, days: number, key: string) =>
      debitCredits({ workspaceId: ws, member, feature, credits, group, idempotencyKey: key, now: ago(days) });
    await spend(users.member.id, "livestream_minute", 90, "livestream:launch", 2, "a");
    await spend(users.member.id, "ai_clip", 40, "livestream:launch", 1, "b");
    const refunded = await spend(users.member.id, "draft_post", 25, "campaign:spring", 3, "c");
    await refundUsage({ workspaceId: ws, usageId: refunded.id, credits: 10, reason: "partly failed", now: ago(3) });
    await spend(users.member.id, "draft_post", 7, undefined, 20, "d");
    await spend(users.member.id, "draft_post", 1000, undefined, 60, "old");
    await spend(users.admin.id, "chat_reply", 3, "order:1042", 1, "e");
    const hold = await holdCredits({ workspaceId: ws, member: users.member.id, feature: "chart_summary", credits: 30, idempotencyKey: "h", now: ago(1) });
    await captureHold({ workspaceId: ws, holdId: hold.id, credits: 12, now: ago(1) });
    await holdCredits({ workspaceId: ws, member: users.member.id, feature: "chart_summary", credits: 50, idempotencyKey: "open", now: ago(0.5) });

    const week = await summarizeUsageByGroup({ workspaceId: ws, memberId: users.member.id, days: 7, now });
    expect(week.totalCredits).toBe(90 + 40 + 15 + 12);
    expect(week.byFeature.map((f) => [f.feature, f.name, f.credits, f.uses])).toEqual([
      ["livestream_minute", "Livestream minute", 90, 1],
      ["ai_clip", "AI clip", 40, 1],
      ["draft_post", "Draft post", 15, 1],
      ["chart_summary", "Chart summary", 12, 1],
    ]);
    expect(week.byGroup.map((g) => [g.group, g.credits, g.uses])).toEqual([
      ["livestream:launch", 130, 2],
      ["campaign:spring", 15, 1],
      [null, 12, 1],
    ]);

    const month = await summarizeUsageByGroup({ workspaceId: ws, memberId: users.member.id, days: 30, now });
    expect(month.totalCredits).toBe(157 + 7);
    const quarter = await summarizeUsageByGroup({ workspaceId: ws, days: 90, now });
    expect(quarter.totalCredits).toBe(164 + 1000 + 3);
    expect(quarter.byGroup.find((g) => g.group === "order:1042")).toMatchObject({ credits: 3, uses: 1 });

    const other = await createCreditsWorkspace(prisma, { label: "other" });
    expect(await summarizeUsageByGroup({ workspaceId: other.workspace.id, days: 90, now })).toMatchObject({ totalCredits: 0, byFeature: [], byGroup: [] });
  });
});

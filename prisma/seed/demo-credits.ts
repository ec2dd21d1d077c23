import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seedFeatures, seedPlans, subscribe } from "./credits";
import { POLICY_PRESETS } from "@/lib/credits/policy";
import { debitCredits } from "@/lib/credits/debit-credits";
import { grantCredits } from "@/lib/credits/grant-credits";
import { holdCredits } from "@/lib/credits/hold-credits";
import { captureHold } from "@/lib/credits/capture-hold";
import { refundUsage } from "@/lib/credits/refund-usage";
import { setPoolShare } from "@/lib/credits/set-pool-share";

type TDemoIds = { workspaces: { demo: string; northside: string }; users: Record<string, string> };

const DAY = 86_400_000;
const HISTORY_DAYS = 21;
const FEATURES = ["chart_summary", "referral_letter", "chat_reply", "video_summary", "draft_post"] as const;
const PRICES: Record<(typeof FEATURES)[number], number> = { chart_summary: 4, referral_letter: 6, chat_reply: 1, video_summary: 8, draft_post: 5 };

/** A small deterministic generator, so every demo database tells the same story. */
function random(seed: number) {
  let state = seed;
  return () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

type TPlannedEvent = { at: Date; run: () => Promise<unknown> };

/** Planned usage for one member over the last weeks (run later, with everyone's, in time order). */
function usageHistory(options: { workspaceId: string; userId: string; perDay: [number, number]; seed: number; start: Date }): TPlannedEvent[] {
  const next = random(options.seed);
  const groups = ["patient-1042", "patient-2210", "referral-88", "campaign-spring", "livestream-14"];
  const events: TPlannedEvent[] = [];
  for (let day = HISTORY_DAYS; day >= 1; day--) {
    const count = options.perDay[0] + Math.floor(next() * (options.perDay[1] - options.perDay[0] + 1));
    for (let i = 0; i < count; i++) {
      const feature = FEATURES[Math.floor(next() * FEATURES.length)];
      const group = groups[Math.floor(next() * groups.length)];
      const at = new Date(options.start.getTime() - day * DAY + (9 + i) * 3_600_000 + Math.floor(next() * 3_000_000));
      events.push({
        at,
        run: () =>
          debitCredits({ workspaceId: options.workspaceId, member: options.userId, feature, credits: PRICES[feature], group, idempotencyKey: `demo-${options.userId}-${day}-${i}`, now: at })
            .catch(() => undefined), // a demo member may run out; the 402 is part of the story
      });
    }
  }
  return events;
}

/** Runs planned events oldest first, so the ledger's order (newest first by id) matches their times. */
async function runInTimeOrder(events: TPlannedEvent[]) {
  for (const event of [...events].sort((a, b) => a.at.getTime() - b.at.getTime())) await event.run();
}

/**
 * Gives the demo workspaces plans, a pool with shares, top-ups and three weeks of usage, through
 * the engine itself (it writes with lib/db, which must point at the same database as `db`).
 * Idempotent: a workspace that already has credit accounts is left alone.
 */
export async function seedDemoCredits(db: PrismaClient, ids: TDemoIds) {
  await seedFeatures(db);
  await seedPlans(db);
  if (await db.creditAccount.count({ where: { workspaceId: { in: [ids.workspaces.demo, ids.workspaces.northside] } } })) return;
  const now = new Date();
  const start = new Date(now.getTime() - (HISTORY_DAYS + 3) * DAY);
  const user = (email: string) => ids.users[email];

  const demo = ids.workspaces.demo;
  await db.workspace.update({ where: { id: demo }, data: { policy: POLICY_PRESETS["never-expiring-top-ups-with-office-pool"] } });
  await subscribe(db, { workspaceId: demo, userId: user("ann@demo.test"), planKey: "ai-starter", anchorAt: start });
  await subscribe(db, { workspaceId: demo, userId: user("owner@demo.test"), planKey: "ai-pro", anchorAt: start });
  await grantCredits({ workspaceId: demo, member: null, credits: 2_000, source: "promotional", expiresAt: null, memo: "Office pool", idempotencyKey: "demo-pool", now: start });
  await setPoolShare({ workspaceId: demo, member: "ann@demo.test", capPerCycle: 300 });
  const topUpAt = new Date(now.getTime() - 10 * DAY + 8 * 3_600_000);
  const holdAt = new Date(now.getTime() - 2 * DAY + 20 * 3_600_000);
  const refundAt = new Date(now.getTime() - DAY + 20 * 3_600_000);
  await runInTimeOrder([
    ...usageHistory({ workspaceId: demo, userId: user("ann@demo.test"), perDay: [3, 8], seed: 7, start: now }),
    ...usageHistory({ workspaceId: demo, userId: user("owner@demo.test"), perDay: [1, 4], seed: 11, start: now }),
    ...usageHistory({ workspaceId: demo, userId: user("admin@demo.test"), perDay: [0, 2], seed: 13, start: now }),
    {
      at: topUpAt,
      run: () => grantCredits({ workspaceId: demo, member: user("ann@demo.test"), credits: 500, source: "top_up", expiresAt: null, memo: "Top-up bundle (500 credits)", idempotencyKey: "demo-ann-topup", now: topUpAt }),
    },
    {
      at: holdAt,
      run: async () => {
        const hold = await holdCredits({ workspaceId: demo, member: user("ann@demo.test"), feature: "video_summary", credits: 16, idempotencyKey: "demo-ann-hold", now: holdAt });
        await captureHold({ workspaceId: demo, holdId: hold.id, credits: 12, now: new Date(holdAt.getTime() + 60_000) });
      },
    },
    {
      at: refundAt,
      run: async () => {
        const refunded = await debitCredits({ workspaceId: demo, member: user("ann@demo.test"), feature: "referral_letter", credits: 6, idempotencyKey: "demo-ann-refunded", now: refundAt });
        await refundUsage({ workspaceId: demo, usageId: refunded.id, reason: "The letter failed to generate", now: new Date(refundAt.getTime() + 120_000) });
      },
    },
  ]);

  const northside = ids.workspaces.northside;
  await db.workspace.update({ where: { id: northside }, data: { policy: POLICY_PRESETS["per-editor-top-ups"] } });
  await subscribe(db, { workspaceId: northside, planKey: "team", anchorAt: start });
  const mayaTopUpAt = new Date(now.getTime() - 7 * DAY + 8 * 3_600_000);
  await runInTimeOrder([
    {
      at: mayaTopUpAt,
      run: () => grantCredits({ workspaceId: northside, member: user("maya@northside.test"), credits: 3_000, source: "top_up", expiresAt: null, memo: "Top-up bought by the owner", idempotencyKey: "northside-maya-topup", now: mayaTopUpAt }),
    },
    ...usageHistory({ workspaceId: northside, userId: user("maya@northside.test"), perDay: [2, 6], seed: 17, start: now }),
    ...usageHistory({ workspaceId: northside, userId: user("owner@northside.test"), perDay: [0, 3], seed: 19, start: now }),
  ]);
}

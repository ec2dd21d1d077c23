import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma, pgPool } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { resetDatabase } from "@/test/reset-database";
import { createCreditsWorkspace, subscribe } from "@/prisma/seed/credits";
import { POLICY_PRESETS, POLICY_PRESET_NAMES, type TPolicyPresetName } from "@/lib/credits/policy";
import { settingsFromPolicy } from "@/lib/credits/policy-settings";
import { savePolicySettings } from "@/lib/credits/save-policy-settings";
import { getBalance } from "@/lib/credits/get-balance";
import { debitCredits } from "@/lib/credits/debit-credits";
import { verifyLedger } from "@/lib/credits/verify-ledger";

const ROLES = ["owner", "admin", "member", "viewer"] as const;
const TEAM_CREDITS = 10_000;

/** What one cycle of a workspace plan allots under the policy it first landed with. */
function cycleAllotment(preset: TPolicyPresetName): number {
  return POLICY_PRESETS[preset].ledger.planCreditsTo === "pool" ? TEAM_CREDITS : TEAM_CREDITS * ROLES.length;
}

async function planCreditsOfCycle(workspaceId: string) {
  const { rows } = await pgPool().query<{ total: string; pool: string; members: string; cycles: string }>(
    `SELECT COALESCE(sum(g.amount), 0)::text AS total,
            COALESCE(sum(g.amount) FILTER (WHERE a.user_id IS NULL), 0)::text AS pool,
            COALESCE(sum(g.amount) FILTER (WHERE a.user_id IS NOT NULL), 0)::text AS members,
            count(DISTINCT g.cycle_start)::text AS cycles
       FROM credit_grants g JOIN credit_accounts a ON a.id = g.account_id
      WHERE g.workspace_id = $1 AND g.source = 'plan'`,
    [workspaceId],
  );
  return { total: Number(rows[0].total), pool: Number(rows[0].pool), members: Number(rows[0].members), cycles: Number(rows[0].cycles) };
}

describe("plan credits across policy switches", () => {
  beforeEach(resetDatabase);

  it("per-editor → cycle-extras → per-editor within one cycle mints nothing new", async () => {
    const { workspace, users } = await createCreditsWorkspace(prisma, { label: "switch", policy: POLICY_PRESETS["per-editor-top-ups"] });
    const ws = workspace.id;
    await subscribe(prisma, { workspaceId: ws, planKey: "team", anchorAt: new Date(Date.now() - 86_400_000) });
    const touchAll = () => Promise.all(ROLES.map((role) => getBalance({ workspaceId: ws, member: users[role].id })));
    const switchTo = (preset: TPolicyPresetName) => savePolicySettings({ workspaceId: ws, actorUserId: users.owner.id, settings: settingsFromPolicy(POLICY_PRESETS[preset]) });

    await touchAll();
    expect(await planCreditsOfCycle(ws)).toMatchObject({ total: 40_000, pool: 0 });
    await switchTo("cycle-extras");
    await touchAll();
    expect(await getBalance({ workspaceId: ws, member: null })).toMatchObject({ available: 0 });
    await switchTo("per-editor-top-ups");
    await touchAll();
    expect(await planCreditsOfCycle(ws)).toMatchObject({ total: 40_000, pool: 0, members: 40_000 });
    // The members keep the quotas this cycle already gave them, under either preset.
    expect((await getBalance({ workspaceId: ws, member: users.member.id })).available).toBe(TEAM_CREDITS);

    // The next cycle follows the policy in force then: organisation credits in the pool only.
    await switchTo("cycle-extras");
    const nextCycle = new Date(Date.now() + 32 * 86_400_000);
    await Promise.all(ROLES.map((role) => getBalance({ workspaceId: ws, member: users[role].id, now: nextCycle })));
    const { rows } = await pgPool().query<{ pool: boolean; amount: number }>(
      `SELECT a.user_id IS NULL AS pool, g.amount FROM credit_grants g JOIN credit_accounts a ON a.id = g.account_id
        WHERE g.workspace_id = $1 AND g.source = 'plan' AND g.effective_at > now()`,
      [ws],
    );
    expect(rows).toEqual([{ pool: true, amount: TEAM_CREDITS }]);
    expect((await verifyLedger(ws)).problems).toEqual([]);
  });

  it("any sequence of preset switches within a cycle grants exactly the plan's allotment once (property)", async () => {
    const preset = fc.constantFrom(...POLICY_PRESET_NAMES);
    const step = fc.record({
      preset,
      // Who touches first after the switch, and who spends (viewers cannot).
      order: fc.shuffledSubarray([...ROLES], { minLength: ROLES.length, maxLength: ROLES.length }),
      spends: fc.array(fc.record({ role: fc.constantFrom("owner", "admin", "member"), credits: fc.integer({ min: 1, max: 4_000 }) }), { maxLength: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(preset, fc.array(step, { minLength: 1, maxLength: 6 }), async (initial, steps) => {
        const { workspace, users } = await createCreditsWorkspace(prisma, { label: "prop-switch", policy: POLICY_PRESETS[initial] });
        const ws = workspace.id;
        await subscribe(prisma, { workspaceId: ws, planKey: "team", anchorAt: new Date(Date.now() - 86_400_000) });
        let landedWith: TPolicyPresetName | null = null;
        for (const [i, s] of steps.entries()) {
          await savePolicySettings({ workspaceId: ws, actorUserId: users.owner.id, settings: settingsFromPolicy(POLICY_PRESETS[s.preset]) });
          landedWith ??= s.preset;
          await Promise.all([
            ...s.order.map((role) => getBalance({ workspaceId: ws, member: users[role].id })),
            ...s.spends.map((spend, j) =>
              debitCredits({ workspaceId: ws, member: users[spend.role].id, feature: "chat_reply", credits: spend.credits, idempotencyKey: `s${i}-${j}` }).catch((error) => {
                if (!isAppError(error) || !["insufficient_credits", "credits_paused"].includes(error.code)) throw error;
              }),
            ),
          ]);
        }
        const granted = await planCreditsOfCycle(ws);
        expect(granted.cycles).toBe(1);
        expect(granted.total).toBe(cycleAllotment(landedWith!));
        // Where they land is one place per cycle: the pool or the members, never both.
        expect(granted.pool === 0 || granted.members === 0).toBe(true);
        expect((await verifyLedger(ws)).problems).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});

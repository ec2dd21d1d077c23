import { prisma } from "@/lib/db";
import { getWorkspacePolicy } from "@/lib/credits/policy";
import { setWorkspacePolicy } from "@/lib/credits/set-workspace-policy";
import { overridesFromSettings, settingsFromPolicy, type TPolicySettings } from "@/lib/credits/policy-settings";
import { recordAudit } from "@/lib/audit/record-audit";

/**
 * Saves the owner's preset and knobs through setWorkspacePolicy (fully resolved, as the ledger
 * functions need) and records what changed in the audit log, in one transaction.
 */
export async function savePolicySettings(options: { workspaceId: string; actorUserId: string; settings: TPolicySettings }) {
  const before = settingsFromPolicy(await getWorkspacePolicy({ workspaceId: options.workspaceId }));
  return prisma.$transaction(async (tx) => {
    const policy = await setWorkspacePolicy({ workspaceId: options.workspaceId, preset: options.settings.preset, overrides: overridesFromSettings(options.settings), tx });
    const after = settingsFromPolicy(policy);
    const changed = (Object.keys(after) as (keyof TPolicySettings)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    await recordAudit(tx, { workspaceId: options.workspaceId, actorUserId: options.actorUserId, action: "policy.updated", targetType: "workspace", targetId: options.workspaceId, details: { preset: after.preset, previousPreset: before.preset, changed } });
    return after;
  });
}

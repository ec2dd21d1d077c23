import { getWorkspacePolicy, POLICY_PRESETS, POLICY_PRESET_NAMES, type TPolicyPresetName } from "@/lib/credits/policy";
import { settingsFromPolicy } from "@/lib/credits/policy-settings";

const DESCRIPTIONS: Record<TPolicyPresetName, { title: string; summary: string }> = {
  "never-expiring-top-ups-with-office-pool": { title: "Never-expiring top-ups with an office pool", summary: "Personal plans, starter credits, an office pool share; top-ups never expire." },
  "client-packs": { title: "Client packs", summary: "Shared balance per client, several pack sizes, optional auto reload when low." },
  "per-editor-top-ups": { title: "Per-editor top-ups", summary: "Monthly quota per editor; admins buy for editors, members request; Free pauses top-ups." },
  "cycle-extras": { title: "Cycle-bound extras", summary: "Organisation credits; extras in units at the plan's price expire with the cycle; auto-purchase +30%." },
  "prepaid-tiers": { title: "Prepaid tiers", summary: "Money tiers at a credits-per-unit rate; top-ups never expire." },
};

/** The five presets as form values, and the workspace's current settings. */
export async function getPolicyChoices(options: { workspaceId: string }) {
  const policy = await getWorkspacePolicy({ workspaceId: options.workspaceId });
  return {
    current: settingsFromPolicy(policy),
    presets: POLICY_PRESET_NAMES.map((name) => ({ name, ...DESCRIPTIONS[name], settings: settingsFromPolicy(POLICY_PRESETS[name]) })),
  };
}

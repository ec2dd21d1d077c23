import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { DEFAULT_POLICY_PRESET, POLICY_PRESETS } from "@/lib/credits/policy-presets";
import { POLICY_PRESET_NAMES, type TCreditPolicy, type TPolicyPresetName } from "@/lib/credits/policy-types";

export type * from "@/lib/credits/policy-types";
export { POLICY_PRESETS, DEFAULT_POLICY_PRESET, DEFAULT_LEDGER_POLICY } from "@/lib/credits/policy-presets";
export { POLICY_PRESET_NAMES } from "@/lib/credits/policy-types";

type TStoredPolicy = Partial<{ [K in keyof TCreditPolicy]: Partial<TCreditPolicy[K]> | TCreditPolicy[K] }>;

function isPresetName(value: unknown): value is TPolicyPresetName {
  return typeof value === "string" && (POLICY_PRESET_NAMES as readonly string[]).includes(value);
}

/** The stored JSON over its preset (or the default preset), section by section. */
export function resolvePolicy(stored: unknown): TCreditPolicy {
  const raw = (stored && typeof stored === "object" ? stored : {}) as TStoredPolicy;
  const base = POLICY_PRESETS[isPresetName(raw.preset) ? raw.preset : DEFAULT_POLICY_PRESET];
  const section = <K extends keyof TCreditPolicy>(key: K): TCreditPolicy[K] => {
    const override = raw[key];
    if (!override || typeof override !== "object" || Array.isArray(override)) return base[key];
    // `pricing` is a tagged union: a stored pricing replaces the preset's whole.
    if (key === "pricing") return override as TCreditPolicy[K];
    return { ...(base[key] as object), ...(override as object) } as TCreditPolicy[K];
  };
  return {
    preset: base.preset,
    ledger: section("ledger"),
    topUps: section("topUps"),
    purchasing: section("purchasing"),
    pricing: section("pricing"),
    autoReload: section("autoReload"),
    pool: section("pool"),
  };
}

/** The workspace's credit policy with defaults filled in. */
export async function getWorkspacePolicy(options: { workspaceId: string }): Promise<TCreditPolicy> {
  const workspace = await prisma.workspace.findUnique({ where: { id: options.workspaceId }, select: { policy: true } });
  if (!workspace) throw new AppError("not_found", "This workspace does not exist.");
  return resolvePolicy(workspace.policy);
}

import { z } from "zod";
import { POLICY_PRESET_NAMES, type TCreditPolicy } from "@/lib/credits/policy-types";

const ZCredits = z.number().int().min(1).max(1_000_000_000);
const ZPriceMinor = z.number().int().min(50, "A price must be at least 0.50.").max(100_000_000);
const ZCurrency = z.enum(["usd", "gbp", "eur"]);

export const ZPricingSettings = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("packs"), currency: ZCurrency, packs: z.array(z.object({ credits: ZCredits, priceMinor: ZPriceMinor })).min(1, "Offer at least one pack.").max(8) }),
  z.object({ kind: z.literal("plan_units"), unitCredits: ZCredits, minUnits: z.number().int().min(1).max(10_000), maxUnits: z.number().int().min(1).max(10_000) }).refine((p) => p.minUnits <= p.maxUnits, { message: "The minimum is above the maximum.", path: ["minUnits"] }),
  z.object({ kind: z.literal("currency_tiers"), currency: ZCurrency, creditsPerMajorUnit: z.number().int().min(1).max(1_000_000), tiersMinor: z.array(ZPriceMinor).min(1, "Offer at least one tier.").max(8) }),
]);

/** The owner's policy form: a preset and its main knobs. */
export const ZSavePolicyInput = z.object({
  workspaceSlug: z.string().trim().min(1).max(64),
  preset: z.enum(POLICY_PRESET_NAMES),
  topUpExpiry: z.enum(["never", "cycle_end"]),
  members: z.enum(["buy", "request", "none"]),
  buyForMembers: z.enum(["owner_admin", "owner"]),
  autoReloadAvailable: z.boolean(),
  starterCredits: z.number().int().min(0).max(1_000_000),
  pricing: ZPricingSettings,
});
export type TSavePolicyInput = z.infer<typeof ZSavePolicyInput>;
export type TPolicySettings = Omit<TSavePolicyInput, "workspaceSlug">;

/** The form's values for a resolved policy. */
export function settingsFromPolicy(policy: TCreditPolicy): TPolicySettings {
  return {
    preset: policy.preset,
    topUpExpiry: policy.topUps.expiry,
    members: policy.purchasing.members,
    buyForMembers: policy.purchasing.buyForMembers.includes("admin") ? "owner_admin" : "owner",
    autoReloadAvailable: policy.autoReload.available,
    starterCredits: policy.ledger.starterCredits,
    pricing: policy.pricing as TPolicySettings["pricing"],
  };
}

/** The overrides that, over the chosen preset, give the form's values (setWorkspacePolicy's input). */
export function overridesFromSettings(settings: TPolicySettings) {
  const pricing = settings.pricing.kind === "packs" ? { ...settings.pricing, packs: [...settings.pricing.packs].sort((a, b) => a.credits - b.credits) } : settings.pricing;
  return {
    topUps: { expiry: settings.topUpExpiry },
    purchasing: { members: settings.members, buyForMembers: settings.buyForMembers === "owner" ? (["owner"] as ("owner" | "admin")[]) : (["owner", "admin"] as ("owner" | "admin")[]) },
    autoReload: { available: settings.autoReloadAvailable },
    ledger: { starterCredits: settings.starterCredits },
    pricing,
  };
}

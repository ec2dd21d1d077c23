import type { TCreditPolicy, TLedgerPolicy, TPolicyPresetName } from "@/lib/credits/policy-types";

/** Mirrors credits_ledger_policy_default() in the ledger migration (a test keeps them equal). */
export const DEFAULT_LEDGER_POLICY: TLedgerPolicy = {
  planCreditsTo: "member",
  consumptionOrder: ["plan", "starter", "pool", "extra", "auto_reload", "top_up", "promotional", "adjustment", "refund"],
  resetFirst: true,
  starterCredits: 50,
  poolShareDefault: null,
  pauseTopUpsWithoutPaidPlan: false,
  planUnit: "member",
};

const AUTO_RELOAD_OFF: TCreditPolicy["autoReload"] = {
  available: false,
  enabledByDefault: false,
  triggers: [],
  thresholdCredits: null,
  reloadCredits: 0,
  surchargePercent: 0,
  perCycleCap: null,
  onPaymentFailure: "turn_off",
};

export const POLICY_PRESETS: Record<TPolicyPresetName, TCreditPolicy> = {
  // Page 000: personal AI plans, an office pool share, never-expiring top-ups, starter credits.
  "never-expiring-top-ups-with-office-pool": {
    preset: "never-expiring-top-ups-with-office-pool",
    ledger: DEFAULT_LEDGER_POLICY,
    topUps: { expiry: "never" },
    purchasing: { buyForMembers: ["owner", "admin"], members: "buy", requirePaidPlan: true },
    pricing: { kind: "packs", currency: "usd", packs: [{ credits: 500, priceMinor: 1000 }] },
    autoReload: AUTO_RELOAD_OFF,
    pool: { enabled: true },
  },
  // Page 001: a client's balance is shared; packs of several sizes; auto reload when low.
  "client-packs": {
    preset: "client-packs",
    ledger: { ...DEFAULT_LEDGER_POLICY, planCreditsTo: "pool", starterCredits: 0, planUnit: "workspace" },
    topUps: { expiry: "never" },
    purchasing: { buyForMembers: ["owner", "admin"], members: "none", requirePaidPlan: true },
    pricing: {
      kind: "packs",
      currency: "usd",
      packs: [
        { credits: 1_000, priceMinor: 1_500 },
        { credits: 5_000, priceMinor: 6_500 },
        { credits: 20_000, priceMinor: 24_000 },
      ],
    },
    autoReload: {
      available: true,
      enabledByDefault: false,
      triggers: ["threshold", "exhaustion"],
      thresholdCredits: 200,
      reloadCredits: 5_000,
      surchargePercent: 0,
      // Never unlimited: 10 reloads of the standard 5,000 pack per cycle, unless the owner sets less.
      perCycleCap: 50_000,
      onPaymentFailure: "turn_off",
    },
    pool: { enabled: true },
  },
  // Page 002: per-editor monthly quotas, admins buy for editors, members request; Free pauses top-ups.
  "per-editor-top-ups": {
    preset: "per-editor-top-ups",
    ledger: { ...DEFAULT_LEDGER_POLICY, starterCredits: 0, pauseTopUpsWithoutPaidPlan: true, planUnit: "workspace" },
    topUps: { expiry: "never" },
    purchasing: { buyForMembers: ["owner", "admin"], members: "request", requirePaidPlan: true },
    pricing: {
      kind: "packs",
      currency: "usd",
      packs: [
        { credits: 3_000, priceMinor: 1_000 },
        { credits: 10_000, priceMinor: 3_000 },
        { credits: 30_000, priceMinor: 8_000 },
        { credits: 100_000, priceMinor: 25_000 },
      ],
    },
    autoReload: AUTO_RELOAD_OFF,
    pool: { enabled: false },
  },
  // Page 003: organisation credits in the pool; extras in units of 1,000 at the plan's price that
  // expire with the cycle; auto-purchase of 10,000 at +30%, capped at the plan's credits per cycle.
  "cycle-extras": {
    preset: "cycle-extras",
    ledger: { ...DEFAULT_LEDGER_POLICY, planCreditsTo: "pool", starterCredits: 0, planUnit: "workspace" },
    topUps: { expiry: "cycle_end" },
    purchasing: { buyForMembers: ["owner", "admin"], members: "none", requirePaidPlan: true },
    pricing: { kind: "plan_units", unitCredits: 1_000, minUnits: 1, maxUnits: 1_000 },
    autoReload: {
      available: true,
      enabledByDefault: false,
      triggers: ["exhaustion"],
      thresholdCredits: null,
      reloadCredits: 10_000,
      surchargePercent: 30,
      perCycleCap: "plan_credits",
      onPaymentFailure: "pause_spending",
    },
    pool: { enabled: true },
  },
  // Page 004: prepaid currency tiers with a credits-per-£1 rate; top-ups never expire.
  "prepaid-tiers": {
    preset: "prepaid-tiers",
    ledger: { ...DEFAULT_LEDGER_POLICY, starterCredits: 0, planUnit: "workspace" },
    topUps: { expiry: "never" },
    purchasing: { buyForMembers: ["owner", "admin"], members: "buy", requirePaidPlan: true },
    pricing: { kind: "currency_tiers", currency: "gbp", creditsPerMajorUnit: 120, tiersMinor: [2_500, 5_000, 10_000] },
    autoReload: AUTO_RELOAD_OFF,
    pool: { enabled: false },
  },
};

export const DEFAULT_POLICY_PRESET: TPolicyPresetName = "never-expiring-top-ups-with-office-pool";

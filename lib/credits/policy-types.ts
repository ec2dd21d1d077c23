import type { CreditSource } from "@/lib/generated/prisma/enums";

/** The five product pages' behaviours, named by what they do. */
export const POLICY_PRESET_NAMES = [
  "never-expiring-top-ups-with-office-pool",
  "client-packs",
  "per-editor-top-ups",
  "cycle-extras",
  "prepaid-tiers",
] as const;
export type TPolicyPresetName = (typeof POLICY_PRESET_NAMES)[number];

/** What the ledger functions in PostgreSQL read (`workspaces.policy -> 'ledger'`). */
export type TLedgerPolicy = {
  /** Plan credits of a workspace-wide subscription: to each member (per-editor quota) or the pool. */
  planCreditsTo: "member" | "pool";
  /** Spending order by source; `pool` stands for the member's share of the workspace pool. */
  consumptionOrder: CreditSource[];
  /** Credits that expire are always spent before credits that never do. */
  resetFirst: boolean;
  /** Granted once on a member's first use when no paid plan covers them; 0 = none. */
  starterCredits: number;
  /** A member's monthly pool cap when no share is set: a number, or null for no cap. */
  poolShareDefault: number | null;
  /** Top-up, auto-reload and extra credits are paused (kept, not counted) without a paid plan. */
  pauseTopUpsWithoutPaidPlan: boolean;
  /**
   * Whose paid plan makes buying possible and keeps bought credits active: each member's own
   * (a personal plan, else the workspace's: page 000) or only the workspace's (pages 001–004).
   */
  planUnit: "member" | "workspace";
};

export type TPricing =
  | { kind: "packs"; currency: string; packs: { credits: number; priceMinor: number }[] }
  | { kind: "plan_units"; unitCredits: number; minUnits: number; maxUnits: number }
  | { kind: "currency_tiers"; currency: string; creditsPerMajorUnit: number; tiersMinor: number[] };

export type TAutoReloadPolicy = {
  available: boolean;
  enabledByDefault: boolean;
  /** `threshold`: when available drops below thresholdCredits; `exhaustion`: when a spend would fail. */
  triggers: ("threshold" | "exhaustion")[];
  thresholdCredits: number | null;
  /** Credits bought per reload: a pack size or a number of plan units. */
  reloadCredits: number;
  surchargePercent: number;
  /** Most credits auto-bought per cycle: the plan's credits, a number, or null for the default (never unlimited). */
  perCycleCap: "plan_credits" | number | null;
  /** What a failed reload payment does. */
  onPaymentFailure: "pause_spending" | "turn_off";
};

export type TCreditPolicy = {
  preset: TPolicyPresetName;
  ledger: TLedgerPolicy;
  topUps: { expiry: "never" | "cycle_end" };
  purchasing: {
    /** Roles that may buy credits for other members. */
    buyForMembers: ("owner" | "admin")[];
    /** What a member (edit rights, not admin) may do for themselves. */
    members: "buy" | "request" | "none";
    requirePaidPlan: boolean;
  };
  pricing: TPricing;
  autoReload: TAutoReloadPolicy;
  pool: { enabled: boolean };
};

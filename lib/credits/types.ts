import type { CreditSource } from "@/lib/generated/prisma/enums";

/** Every engine call acts in one workspace; `now` is for tests and jobs, `actor` for the log. */
export type TLedgerContext = { workspaceId: string; actor?: string; now?: Date };

export type TUsageResult = {
  id: string;
  status: "captured";
  credits: number;
  drawn: { source: CreditSource; credits: number }[];
  available: number;
};
export type THoldResult = { id: string; status: "held"; credits: number; expiresAt: string };
export type TCaptureResult = { id: string; status: "captured"; credits: number; available: number };
export type TReleaseResult = { id: string; status: "released"; available: number };
export type TRefundResult = {
  id: string;
  status: "refunded" | "partially_refunded";
  credits: number;
  refundedCredits: number;
  available: number;
};
export type TGrantResult = {
  id: string;
  member: string | null;
  source: CreditSource;
  credits: number;
  expiresAt: string | null;
  available: number;
};
export type TBalanceBucket = { source: CreditSource; remaining: number; expiresAt: string | null; paused: boolean };
export type TBalance = {
  member: string | null;
  available: number;
  buckets: TBalanceBucket[];
  /** Set when metered work is paused for the workspace (e.g. a failed auto-reload payment). */
  spendingPausedReason?: string | null;
};

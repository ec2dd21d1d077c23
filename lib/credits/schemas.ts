import { z } from "zod";
import { jsonDepthAtMost } from "@/lib/http/json-depth-at-most";

/** Amounts are whole credits, 1..1,000,000,000 (DESIGN.md, API rule 1). */
export const ZCredits = z.number().int().min(1).max(1_000_000_000);
export const ZIdempotencyKey = z.string().min(1).max(255);
/** A member's email or user id. */
export const ZMemberRef = z.string().trim().min(1).max(320);
export const ZFeatureKey = z.string().min(1).max(100);
export const ZQuality = z.enum(["fast", "balanced", "premium"]);
export const CREDIT_SOURCES = [
  "plan",
  "pool",
  "starter",
  "top_up",
  "auto_reload",
  "extra",
  "promotional",
  "refund",
  "adjustment",
] as const;
export const ZCreditSource = z.enum(CREDIT_SOURCES);

const INT8_MAX = BigInt("9223372036854775807");
/** A keyset cursor: a ledger entry id, so a positive int8 (larger ones would fail in SQL). */
export const ZLedgerCursor = z
  .string()
  .refine((value) => /^[1-9]\d{0,18}$/.test(value) && BigInt(value) <= INT8_MAX, "must be a cursor from a previous page");
/** Free-form JSON kept with a usage: at most 32 levels deep (deeper nesting breaks jsonb and our hashing). */
export const ZMetadata = z
  .record(z.string(), z.unknown())
  .refine((value) => jsonDepthAtMost(value, 32), "must nest at most 32 levels deep");

export const ZUsageInput = z.object({
  member: ZMemberRef,
  feature: ZFeatureKey,
  credits: ZCredits,
  idempotencyKey: ZIdempotencyKey,
  group: z.string().min(1).max(200).optional(),
  metadata: ZMetadata.optional(),
});
export type TUsageInput = z.infer<typeof ZUsageInput>;

export const ZReservationInput = z.object({
  member: ZMemberRef,
  feature: ZFeatureKey,
  credits: ZCredits,
  idempotencyKey: ZIdempotencyKey,
  expiresInSeconds: z.number().int().min(1).max(7 * 24 * 3600).optional(),
});
export type TReservationInput = z.infer<typeof ZReservationInput>;

export const ZCaptureInput = z.object({ credits: ZCredits, idempotencyKey: ZIdempotencyKey.optional() });
export type TCaptureInput = z.infer<typeof ZCaptureInput>;

export const ZReleaseInput = z.object({ idempotencyKey: ZIdempotencyKey.optional() });
export type TReleaseInput = z.infer<typeof ZReleaseInput>;

export const ZRefundInput = z.object({
  credits: ZCredits.optional(),
  reason: z.string().trim().min(1).max(500),
  idempotencyKey: ZIdempotencyKey.optional(),
});
export type TRefundInput = z.infer<typeof ZRefundInput>;

/** Manual grants through the API; purchases use the engine's grantCredits with their own sources. */
export const ZApiGrantInput = z.object({
  member: ZMemberRef.optional(),
  credits: ZCredits,
  source: z.enum(["promotional", "adjustment", "top_up"]),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
  memo: z.string().trim().min(1).max(500),
  idempotencyKey: ZIdempotencyKey,
});
export type TApiGrantInput = z.infer<typeof ZApiGrantInput>;

export const ZBalanceQuery = z.object({ member: ZMemberRef });

export const ZEventsQuery = z.object({
  member: ZMemberRef.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: ZLedgerCursor.optional(),
});
export type TEventsQuery = z.infer<typeof ZEventsQuery>;

export const ZEstimateInput = z.object({
  member: ZMemberRef,
  items: z
    .array(z.object({ feature: ZFeatureKey, quantity: ZCredits, quality: ZQuality.optional() }))
    .min(1)
    .max(100),
});
export type TEstimateInput = z.infer<typeof ZEstimateInput>;

export const ZPoolShareInput = z.object({
  member: ZMemberRef,
  capPerCycle: z.number().int().min(0).max(1_000_000_000).nullable(),
});

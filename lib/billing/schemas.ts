import { z } from "zod";

const ZIdempotencyKey = z.string().trim().min(8, "A purchase key is required.").max(255);

export const ZStartPurchaseInput = z.object({
  workspaceSlug: z.string().trim().min(1).max(64),
  offerId: z.string().trim().min(1).max(40),
  /** self: the buyer; members: the listed members (admins); pool: the workspace pool (admins). */
  target: z.enum(["self", "members", "pool"]).default("self"),
  memberIds: z.array(z.string().min(1).max(64)).max(200).default([]),
  payWith: z.enum(["saved_card", "new_card"]),
  /** The total shown to the buyer, in minor units: the server charges it only if it is the price. */
  quotedAmountMinor: z.number().int().min(0).max(1_000_000_000),
  idempotencyKey: ZIdempotencyKey,
});
export type TStartPurchaseInput = z.infer<typeof ZStartPurchaseInput>;

export const ZConfirmPurchaseInput = z.object({
  workspaceSlug: z.string().trim().min(1).max(64),
  purchaseId: z.string().trim().min(1).max(64),
});
export type TConfirmPurchaseInput = z.infer<typeof ZConfirmPurchaseInput>;

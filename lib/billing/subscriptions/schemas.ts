import { z } from "zod";

const ZSlug = z.string().trim().min(1).max(64);
/** workspace: the whole workspace's plan (owners); personal: the signed-in member's own plan. */
const ZScope = z.enum(["workspace", "personal"]).default("workspace");

export const ZStartSubscriptionInput = z.object({
  workspaceSlug: ZSlug,
  scope: ZScope,
  planKey: z.string().trim().min(1).max(40),
  payWith: z.enum(["saved_card", "new_card"]),
  idempotencyKey: z.string().trim().min(8, "A purchase key is required.").max(200),
});
export type TStartSubscriptionInput = z.infer<typeof ZStartSubscriptionInput>;

export const ZSchedulePlanInput = z.object({ workspaceSlug: ZSlug, scope: ZScope, planKey: z.string().trim().min(1).max(40) });
export const ZPlanScopeInput = z.object({ workspaceSlug: ZSlug, scope: ZScope });

export const ZStartCardSetupInput = z.object({ workspaceSlug: ZSlug, attemptKey: z.string().trim().min(8).max(200) });
export const ZFinishCardSetupInput = z.object({ workspaceSlug: ZSlug, setupIntentId: z.string().trim().min(1).max(255) });

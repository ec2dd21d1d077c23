import { z } from "zod";

const ZWorkspaceSlug = z.string().trim().min(1).max(64);
const ZId = z.string().trim().min(1).max(64);

export const ZCreateTopUpRequestInput = z.object({
  workspaceSlug: ZWorkspaceSlug,
  offerId: z.string().trim().min(1, "Choose a package.").max(40),
  note: z.string().trim().max(500, "Keep the note under 500 characters.").optional(),
});
export type TCreateTopUpRequestInput = z.infer<typeof ZCreateTopUpRequestInput>;

export const ZApproveTopUpRequestInput = z.object({
  workspaceSlug: ZWorkspaceSlug,
  requestId: ZId,
  payWith: z.enum(["saved_card", "new_card"]),
});
export type TApproveTopUpRequestInput = z.infer<typeof ZApproveTopUpRequestInput>;

export const ZTopUpRequestRef = z.object({ workspaceSlug: ZWorkspaceSlug, requestId: ZId });
export type TTopUpRequestRef = z.infer<typeof ZTopUpRequestRef>;

export const ZDeclineTopUpRequestInput = ZTopUpRequestRef.extend({
  reason: z.string().trim().min(1, "Give the member a reason.").max(500, "Keep the reason under 500 characters."),
});
export type TDeclineTopUpRequestInput = z.infer<typeof ZDeclineTopUpRequestInput>;

import { z } from "zod";

export const ZRunAiActionInput = z.object({
  workspaceSlug: z.string().trim().min(1).max(64),
  documentId: z.string().trim().min(1).max(64),
  feature: z.string().trim().min(1).max(64),
  quality: z.enum(["fast", "balanced", "premium"]).default("balanced"),
  actionKey: z.string().trim().min(8).max(128),
});
export type TRunAiActionInput = z.infer<typeof ZRunAiActionInput>;

import { z } from "zod";

export const ZWorkspaceSlug = z.string().trim().min(1).max(64);

export const ZCreateApiKeyInput = z.object({
  workspaceSlug: ZWorkspaceSlug,
  name: z.string().trim().min(1, "Give the key a name.").max(80, "Keep the name under 80 characters."),
});
export type TCreateApiKeyInput = z.infer<typeof ZCreateApiKeyInput>;

export const ZRevokeApiKeyInput = z.object({ workspaceSlug: ZWorkspaceSlug, apiKeyId: z.string().min(1).max(64) });
export type TRevokeApiKeyInput = z.infer<typeof ZRevokeApiKeyInput>;

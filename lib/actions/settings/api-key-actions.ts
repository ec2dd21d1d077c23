"use server";

import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/auth/authorize";
import { parseInput } from "@/lib/http/api-route";
import { runAction } from "@/lib/actions/run-action";
import { createApiKey } from "@/lib/workspaces/create-api-key";
import { revokeApiKey } from "@/lib/workspaces/revoke-api-key";
import { ZCreateApiKeyInput, ZRevokeApiKeyInput } from "@/lib/workspaces/schemas";

export async function createApiKeyAction(input: unknown) {
  return runAction(async () => {
    const { workspaceSlug, name } = parseInput(ZCreateApiKeyInput, input);
    const actor = await authorize({ workspace: { slug: workspaceSlug }, permission: "api_keys:manage" });
    const created = await createApiKey({ workspaceId: actor.workspaceId, name, createdById: actor.userId });
    revalidatePath(`/w/${workspaceSlug}/settings`);
    return { key: created.key, prefix: created.prefix };
  });
}

export async function revokeApiKeyAction(input: unknown) {
  return runAction(async () => {
    const { workspaceSlug, apiKeyId } = parseInput(ZRevokeApiKeyInput, input);
    const actor = await authorize({ workspace: { slug: workspaceSlug }, permission: "api_keys:manage" });
    await revokeApiKey({ workspaceId: actor.workspaceId, apiKeyId, actorUserId: actor.userId });
    revalidatePath(`/w/${workspaceSlug}/settings`);
    return {};
  });
}

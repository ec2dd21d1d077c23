"use server";

import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/auth/authorize";
import { parseInput } from "@/lib/http/api-route";
import { runAction } from "@/lib/actions/run-action";
import { ZSavePolicyInput } from "@/lib/credits/policy-settings";
import { savePolicySettings } from "@/lib/credits/save-policy-settings";

/** Saves the workspace's credit policy: a preset and its main knobs (owners only). */
export async function savePolicyAction(input: unknown) {
  return runAction(async () => {
    const { workspaceSlug, ...settings } = parseInput(ZSavePolicyInput, input);
    const actor = await authorize({ workspace: { slug: workspaceSlug }, permission: "policy:manage" });
    const saved = await savePolicySettings({ workspaceId: actor.workspaceId, actorUserId: actor.userId, settings });
    revalidatePath(`/w/${workspaceSlug}`, "layout");
    return { settings: saved };
  });
}

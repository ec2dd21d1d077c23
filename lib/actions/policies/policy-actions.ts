"use server";

import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/auth/authorize";
import { parseInput } from "@/lib/http/api-route";
import { runAction } from "@/lib/actions/run-action";
import { ZSavePolicyInput } from "@/lib/credits/policy-settings";
import { savePolicySettings } from "@/lib/credits/save-policy-settings";
import { syncAutoReloadTerms } from "@/lib/billing/auto-reload/sync-auto-reload-terms";

/** Saves the workspace's credit policy: a preset and its main knobs (owners only). */
export async function savePolicyAction(input: unknown) {
  return runAction(async () => {
    const { workspaceSlug, ...settings } = parseInput(ZSavePolicyInput, input);
    const actor = await authorize({ workspace: { slug: workspaceSlug }, permission: "policy:manage" });
    const saved = await savePolicySettings({ workspaceId: actor.workspaceId, actorUserId: actor.userId, settings });
    // A new surcharge, cap or pricing changes what auto-reload charges: owners are told now.
    await syncAutoReloadTerms({ workspaceId: actor.workspaceId });
    revalidatePath(`/w/${workspaceSlug}`, "layout");
    return { settings: saved };
  });
}

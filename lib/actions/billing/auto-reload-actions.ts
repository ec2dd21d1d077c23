"use server";

import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/auth/authorize";
import { parseInput } from "@/lib/http/api-route";
import { runAction } from "@/lib/actions/run-action";
import { ZCompleteAutoReloadInput, ZEnableAutoReloadInput, ZPreviewAutoReloadInput, ZWorkspaceSlugInput } from "@/lib/billing/auto-reload/schemas";
import { disableAutoReload, enableAutoReload, previewAutoReload } from "@/lib/billing/auto-reload/set-auto-reload";
import { completeAutoReload } from "@/lib/billing/auto-reload/complete-auto-reload";

// Auto-reload spends the manager's own saved card: owners and admins (who buy for others) only.
const MANAGE = "credits:buy_for_members" as const;

/** The exact terms a configuration would have, before anything is switched on. */
export async function previewAutoReloadAction(input: unknown) {
  return runAction(async () => {
    const parsed = parseInput(ZPreviewAutoReloadInput, input);
    const actor = await authorize({ workspace: { slug: parsed.workspaceSlug }, permission: MANAGE });
    const terms = await previewAutoReload({ workspaceId: actor.workspaceId, userId: actor.userId, config: parsed.config });
    return { lines: terms.lines, termsKey: terms.termsKey };
  });
}

/** Turns auto-reload on with the terms the person confirmed. */
export async function enableAutoReloadAction(input: unknown) {
  return runAction(async () => {
    const parsed = parseInput(ZEnableAutoReloadInput, input);
    const actor = await authorize({ workspace: { slug: parsed.workspaceSlug }, permission: MANAGE });
    const terms = await enableAutoReload({ workspaceId: actor.workspaceId, userId: actor.userId, config: parsed.config, termsKey: parsed.termsKey });
    revalidatePath(`/w/${actor.workspaceSlug}/credits`);
    return { lines: terms.lines };
  });
}

export async function disableAutoReloadAction(input: unknown) {
  return runAction(async () => {
    const parsed = parseInput(ZWorkspaceSlugInput, input);
    const actor = await authorize({ workspace: { slug: parsed.workspaceSlug }, permission: MANAGE });
    await disableAutoReload({ workspaceId: actor.workspaceId, userId: actor.userId });
    revalidatePath(`/w/${actor.workspaceSlug}/credits`);
    return {};
  });
}

/** After the payer confirmed a blocked reload in the browser: settle it and resume work. */
export async function completeAutoReloadAction(input: unknown) {
  return runAction(async () => {
    const parsed = parseInput(ZCompleteAutoReloadInput, input);
    const actor = await authorize({ workspace: { slug: parsed.workspaceSlug }, permission: MANAGE });
    const settled = await completeAutoReload({ workspaceId: actor.workspaceId, userId: actor.userId, purchaseId: parsed.purchaseId });
    if (settled?.status === "succeeded") revalidatePath(`/w/${actor.workspaceSlug}`, "layout");
    return { status: settled?.status ?? "failed", message: settled?.failureMessage ?? null, defaultCard: settled?.defaultCard ?? null };
  });
}

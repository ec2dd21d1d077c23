"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorize } from "@/lib/auth/authorize";
import { parseInput } from "@/lib/http/api-route";
import { runAction } from "@/lib/actions/run-action";
import { markNotificationsRead } from "@/lib/notify/mark-notifications-read";

const ZMarkReadInput = z.object({ workspaceSlug: z.string().trim().min(1).max(64) });

/** Marks the signed-in person's notices in this workspace as read. */
export async function markNotificationsReadAction(input: unknown) {
  return runAction(async () => {
    const parsed = parseInput(ZMarkReadInput, input);
    const actor = await authorize({ workspace: { slug: parsed.workspaceSlug }, permission: "workspace:read" });
    const result = await markNotificationsRead({ workspaceId: actor.workspaceId, userId: actor.userId });
    revalidatePath(`/w/${actor.workspaceSlug}`, "layout");
    return result;
  });
}

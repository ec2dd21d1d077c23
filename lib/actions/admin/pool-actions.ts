"use server";

import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/auth/authorize";
import { parseInput } from "@/lib/http/api-route";
import { runAction } from "@/lib/actions/run-action";
import { ZSetPoolShareInput } from "@/lib/workspaces/admin-schemas";
import { setMemberPoolShare } from "@/lib/pool/set-member-pool-share";

/** Sets how much a member may draw from the workspace pool each month. */
export async function setPoolShareAction(input: unknown) {
  return runAction(async () => {
    const parsed = parseInput(ZSetPoolShareInput, input);
    const actor = await authorize({ workspace: { slug: parsed.workspaceSlug }, permission: "pool:manage" });
    const share = await setMemberPoolShare({ workspaceId: actor.workspaceId, userId: parsed.userId, capPerCycle: parsed.capPerCycle, actorUserId: actor.userId });
    revalidatePath(`/w/${actor.workspaceSlug}/admin`);
    return { share };
  });
}

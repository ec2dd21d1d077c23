"use server";

import { revalidatePath } from "next/cache";
import { requireSessionUser } from "@/lib/auth/authorize";
import { parseInput } from "@/lib/http/api-route";
import { runAction } from "@/lib/actions/run-action";
import { ZRespondToInvitationInput } from "@/lib/workspaces/invitation-schemas";
import { respondToInvitation } from "@/lib/workspaces/respond-to-invitation";

/** The signed-in person accepts an invitation addressed to them; they become a member now. */
export async function acceptInvitationAction(input: unknown) {
  return runAction(async () => {
    const parsed = parseInput(ZRespondToInvitationInput, input);
    const user = await requireSessionUser();
    const { workspaceSlug } = await respondToInvitation({ invitationId: parsed.invitationId, userId: user.id, accept: true });
    revalidatePath("/", "layout");
    return { workspaceSlug };
  });
}

/** The signed-in person declines an invitation addressed to them; nothing else changes. */
export async function declineInvitationAction(input: unknown) {
  return runAction(async () => {
    const parsed = parseInput(ZRespondToInvitationInput, input);
    const user = await requireSessionUser();
    await respondToInvitation({ invitationId: parsed.invitationId, userId: user.id, accept: false });
    revalidatePath("/", "layout");
    return {};
  });
}

"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { authorize } from "@/lib/auth/authorize";
import { parseInput } from "@/lib/http/api-route";
import { runAction } from "@/lib/actions/run-action";
import { appBaseUrl } from "@/lib/app-url";
import { ZCancelInvitationInput, ZChangeMemberRoleInput, ZInviteMemberInput, ZRemoveMemberInput } from "@/lib/workspaces/admin-schemas";
import { cancelInvitation } from "@/lib/workspaces/cancel-invitation";
import { inviteMember } from "@/lib/workspaces/invite-member";
import { changeMemberRole } from "@/lib/workspaces/change-member-role";
import { removeMember } from "@/lib/workspaces/remove-member";

/** Invites someone by email: a new person is a member now (sign-in link by email); someone who uses Refill elsewhere must accept first. */
export async function inviteMemberAction(input: unknown) {
  return runAction(async () => {
    const parsed = parseInput(ZInviteMemberInput, input);
    const actor = await authorize({ workspace: { slug: parsed.workspaceSlug }, permission: "members:manage" });
    const invited = await inviteMember({
      workspaceId: actor.workspaceId,
      email: parsed.email,
      name: parsed.name,
      role: parsed.role,
      invitedBy: { userId: actor.userId, name: actor.name },
      baseUrl: appBaseUrl(await headers()),
    });
    revalidatePath(`/w/${actor.workspaceSlug}/admin`);
    return invited.status === "member" ? { pending: false as const, member: invited.member } : { pending: true as const, invitation: invited.invitation };
  });
}

/** Changes a member's role; a viewer's credits stay but cannot be spent until restored. */
export async function changeMemberRoleAction(input: unknown) {
  return runAction(async () => {
    const parsed = parseInput(ZChangeMemberRoleInput, input);
    const actor = await authorize({ workspace: { slug: parsed.workspaceSlug }, permission: "members:manage" });
    const member = await changeMemberRole({ workspaceId: actor.workspaceId, userId: parsed.userId, role: parsed.role, actorUserId: actor.userId });
    revalidatePath(`/w/${actor.workspaceSlug}/admin`);
    return { member };
  });
}

/** Removes a member from the workspace. */
export async function removeMemberAction(input: unknown) {
  return runAction(async () => {
    const parsed = parseInput(ZRemoveMemberInput, input);
    const actor = await authorize({ workspace: { slug: parsed.workspaceSlug }, permission: "members:manage" });
    const removed = await removeMember({ workspaceId: actor.workspaceId, userId: parsed.userId, actorUserId: actor.userId });
    revalidatePath(`/w/${actor.workspaceSlug}/admin`);
    return removed;
  });
}

/** Withdraws an invitation still waiting for the person's answer. */
export async function cancelInvitationAction(input: unknown) {
  return runAction(async () => {
    const parsed = parseInput(ZCancelInvitationInput, input);
    const actor = await authorize({ workspace: { slug: parsed.workspaceSlug }, permission: "members:manage" });
    await cancelInvitation({ workspaceId: actor.workspaceId, invitationId: parsed.invitationId, actorUserId: actor.userId });
    revalidatePath(`/w/${actor.workspaceSlug}/admin`);
    return {};
  });
}

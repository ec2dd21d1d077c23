import { z } from "zod";
import { ZProvisionedRole } from "@/lib/workspaces/member-schemas";

const ZWorkspaceSlug = z.string().trim().min(1).max(64);
const ZUserId = z.string().trim().min(1).max(64);

export const ZInviteMemberInput = z.object({
  workspaceSlug: ZWorkspaceSlug,
  email: z.string().trim().toLowerCase().email("Enter a valid email address.").max(320),
  name: z.string().trim().max(200).optional(),
  role: ZProvisionedRole,
});
export type TInviteMemberInput = z.infer<typeof ZInviteMemberInput>;

export const ZChangeMemberRoleInput = z.object({ workspaceSlug: ZWorkspaceSlug, userId: ZUserId, role: ZProvisionedRole });
export type TChangeMemberRoleInput = z.infer<typeof ZChangeMemberRoleInput>;

export const ZRemoveMemberInput = z.object({ workspaceSlug: ZWorkspaceSlug, userId: ZUserId });
export type TRemoveMemberInput = z.infer<typeof ZRemoveMemberInput>;

export const ZSetPoolShareInput = z.object({
  workspaceSlug: ZWorkspaceSlug,
  userId: ZUserId,
  /** Credits a member may draw from the pool per month; null = no cap, 0 = no access. */
  capPerCycle: z.number().int().min(0).max(1_000_000_000).nullable(),
});
export type TSetPoolShareInput = z.infer<typeof ZSetPoolShareInput>;

export const ZCancelInvitationInput = z.object({ workspaceSlug: ZWorkspaceSlug, invitationId: z.string().trim().min(1).max(64) });
export type TCancelInvitationInput = z.infer<typeof ZCancelInvitationInput>;

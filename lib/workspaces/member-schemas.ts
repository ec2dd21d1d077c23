import { z } from "zod";

/** Roles the API may give: owners are made in the app, never through an API key. */
export const ZProvisionedRole = z.enum(["admin", "member", "viewer"]);

export const ZProvisionMemberInput = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  name: z.string().trim().min(1).max(200).optional(),
  role: ZProvisionedRole,
});
export type TProvisionMemberInput = z.infer<typeof ZProvisionMemberInput>;

export const ZUpdateMemberRoleInput = z.object({ role: ZProvisionedRole });
export type TUpdateMemberRoleInput = z.infer<typeof ZUpdateMemberRoleInput>;

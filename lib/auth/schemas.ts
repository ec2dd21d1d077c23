import { z } from "zod";

export const ZRequestMagicLinkInput = z.object({ email: z.string().trim().toLowerCase().email("Enter a valid email address.") });
export type TRequestMagicLinkInput = z.infer<typeof ZRequestMagicLinkInput>;

export const ZChangePasswordInput = z.object({
  currentPassword: z.string().max(200).optional(),
  newPassword: z.string().min(10, "Use at least 10 characters.").max(200, "Use at most 200 characters."),
});
export type TChangePasswordInput = z.infer<typeof ZChangePasswordInput>;

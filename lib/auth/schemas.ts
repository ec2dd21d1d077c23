import { z } from "zod";

export const ZRequestMagicLinkInput = z.object({ email: z.string().trim().toLowerCase().email("Enter a valid email address.") });
export type TRequestMagicLinkInput = z.infer<typeof ZRequestMagicLinkInput>;

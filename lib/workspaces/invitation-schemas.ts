import { z } from "zod";

export const ZRespondToInvitationInput = z.object({ invitationId: z.string().trim().min(1).max(64) });
export type TRespondToInvitationInput = z.infer<typeof ZRespondToInvitationInput>;

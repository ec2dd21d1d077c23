import { z } from "zod";

const ZCredits = z.coerce.number().int().min(1).max(1_000_000_000);

/** What an owner or admin chooses; the policy bounds it (see get-auto-reload-terms). */
export const ZAutoReloadConfig = z
  .object({
    onExhaustion: z.boolean(),
    onThreshold: z.boolean(),
    thresholdCredits: ZCredits.nullable().default(null),
    amountMode: z.enum(["fixed", "refill_to"]),
    amountCredits: ZCredits,
    maxCreditsPerCycle: ZCredits.nullable().default(null),
  })
  .refine((c) => c.onExhaustion || c.onThreshold, { message: "Choose when to reload.", path: ["onExhaustion"] })
  .refine((c) => !c.onThreshold || c.thresholdCredits !== null, { message: "Enter the balance that starts a reload.", path: ["thresholdCredits"] });
export type TAutoReloadConfig = z.infer<typeof ZAutoReloadConfig>;

export const ZPreviewAutoReloadInput = z.object({ workspaceSlug: z.string().trim().min(1).max(64), config: ZAutoReloadConfig });

/** Turning on repeats the terms' key the person saw, so what is saved is exactly what was shown. */
export const ZEnableAutoReloadInput = ZPreviewAutoReloadInput.extend({ termsKey: z.string().trim().min(1).max(128) });

export const ZWorkspaceSlugInput = z.object({ workspaceSlug: z.string().trim().min(1).max(64) });

export const ZCompleteAutoReloadInput = z.object({ workspaceSlug: z.string().trim().min(1).max(64), purchaseId: z.string().trim().min(1).max(64) });

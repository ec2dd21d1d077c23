import { AppError } from "@/lib/errors";
import { holdCredits } from "@/lib/credits/hold-credits";
import { captureHold } from "@/lib/credits/capture-hold";
import { releaseHold } from "@/lib/credits/release-hold";
import { listFeatures } from "@/lib/credits/list-features";
import { findWorkDocument } from "@/lib/work/sample-documents";
import { generateAiOutput } from "@/lib/work/generate-ai-output";
import { reloadIfBelowThreshold, spendWithAutoReload } from "@/lib/billing/auto-reload/spend-with-auto-reload";

export type TQuality = "fast" | "balanced" | "premium";

/** What an AI button costs: the feature's price at that quality times the action's quantity. */
export async function priceAiAction(options: { documentId: string; feature: string; quality: TQuality }) {
  const document = findWorkDocument(options.documentId);
  const action = document?.actions.find((a) => a.feature === options.feature);
  const price = (await listFeatures()).find((f) => f.key === options.feature);
  if (!document || !action || !price) throw new AppError("not_found", "That AI action does not exist.");
  return { document, credits: price.credits[options.quality] * action.quantity };
}

/**
 * Runs a metered AI action: hold the credits, do the work, capture on success, release on
 * failure. `actionKey` makes it run and charge once: a retry, a double click or the automatic
 * resume after a top-up replays the same hold and capture instead of charging again.
 */
export async function runAiAction(options: { workspaceId: string; userId: string; documentId: string; feature: string; quality: TQuality; actionKey: string }) {
  const { document, credits } = await priceAiAction(options);
  const actor = `user:${options.userId}`;
  // Out of credits with auto-reload on: waits (bounded) for the reload, then holds.
  const hold = await spendWithAutoReload({
    workspaceId: options.workspaceId,
    member: options.userId,
    spend: () => holdCredits({
      workspaceId: options.workspaceId,
      actor,
      member: options.userId,
      feature: options.feature,
      credits,
      idempotencyKey: `ai:${options.actionKey}:hold`,
      expiresInSeconds: 120,
    }),
  });
  let output: string;
  try {
    output = await generateAiOutput(document, options.feature, options.quality);
  } catch (error) {
    await releaseHold({ workspaceId: options.workspaceId, actor, holdId: hold.id, idempotencyKey: `ai:${options.actionKey}:release` }).catch(() => undefined);
    console.error("[ai] generation failed", error);
    throw new AppError("unavailable", "The AI service did not answer. Nothing was charged; try again.");
  }
  const captured = await captureHold({ workspaceId: options.workspaceId, actor, holdId: hold.id, credits, idempotencyKey: `ai:${options.actionKey}:capture` });
  reloadIfBelowThreshold({ workspaceId: options.workspaceId, member: options.userId, available: captured.available });
  return { output, credits: captured.credits, available: captured.available, usageId: captured.id };
}

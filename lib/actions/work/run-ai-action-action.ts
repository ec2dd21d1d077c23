"use server";

import { authorize } from "@/lib/auth/authorize";
import { parseInput } from "@/lib/http/api-route";
import { toPublicError } from "@/lib/errors";
import { ZRunAiActionInput } from "@/lib/work/schemas";
import { runAiAction } from "@/lib/work/run-ai-action";

export type TRunAiActionResult =
  | { ok: true; output: string; credits: number; available: number }
  | { ok: false; error: { code: string; message: string; available?: number; required?: number } };

/** Runs an AI button's action for the signed-in member; out of credits answers with the numbers. */
export async function runAiActionAction(input: unknown): Promise<TRunAiActionResult> {
  try {
    const parsed = parseInput(ZRunAiActionInput, input);
    const actor = await authorize({ workspace: { slug: parsed.workspaceSlug }, permission: "credits:spend" });
    const result = await runAiAction({ workspaceId: actor.workspaceId, userId: actor.userId, documentId: parsed.documentId, feature: parsed.feature, quality: parsed.quality, actionKey: `${actor.userId}:${parsed.actionKey}` });
    return { ok: true, output: result.output, credits: result.credits, available: result.available };
  } catch (error) {
    const { body } = toPublicError(error);
    const { code, message, available, required } = body.error as { code: string; message: string; available?: number; required?: number };
    return { ok: false, error: { code, message, available, required } };
  }
}

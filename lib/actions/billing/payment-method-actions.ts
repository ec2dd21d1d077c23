"use server";

import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/auth/authorize";
import { parseInput } from "@/lib/http/api-route";
import { runAction } from "@/lib/actions/run-action";
import { ZFinishCardSetupInput, ZStartCardSetupInput } from "@/lib/billing/subscriptions/schemas";
import { startCardSetup } from "@/lib/billing/payment-methods/start-card-setup";
import { finishCardSetup } from "@/lib/billing/payment-methods/finish-card-setup";

/** Starts adding or replacing the owner's default card (a SetupIntent for the browser). */
export async function startCardSetupAction(input: unknown) {
  return runAction(async () => {
    const parsed = parseInput(ZStartCardSetupInput, input);
    const actor = await authorize({ workspace: { slug: parsed.workspaceSlug }, permission: "billing:manage" });
    const setup = await startCardSetup({ workspaceId: actor.workspaceId, user: { id: actor.userId, email: actor.email, name: actor.name }, attemptKey: parsed.attemptKey });
    return { clientSecret: setup.clientSecret, setupIntentId: setup.setupIntentId };
  });
}

/** After the browser confirmed the card (3-D Secure included): make it the default. */
export async function finishCardSetupAction(input: unknown) {
  return runAction(async () => {
    const parsed = parseInput(ZFinishCardSetupInput, input);
    const actor = await authorize({ workspace: { slug: parsed.workspaceSlug }, permission: "billing:manage" });
    const card = await finishCardSetup({ workspaceId: actor.workspaceId, userId: actor.userId, setupIntentId: parsed.setupIntentId });
    revalidatePath(`/w/${actor.workspaceSlug}/billing`);
    return { card };
  });
}

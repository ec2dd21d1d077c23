"use server";

import { revalidatePath } from "next/cache";
import { parseInput } from "@/lib/http/api-route";
import { runAction } from "@/lib/actions/run-action";
import { ZPlanScopeInput, ZSchedulePlanInput, ZStartSubscriptionInput } from "@/lib/billing/subscriptions/schemas";
import { authorizePlanScope } from "@/lib/billing/subscriptions/authorize-plan-scope";
import { startSubscriptionPurchase } from "@/lib/billing/purchases/start-subscription-purchase";
import { scheduleDowngrade } from "@/lib/billing/subscriptions/schedule-downgrade";
import { cancelPlan } from "@/lib/billing/subscriptions/cancel-plan";
import { resumePlan } from "@/lib/billing/subscriptions/resume-plan";

/** Starts paying for a plan (subscribe or upgrade); the browser confirms with confirmPurchaseAction. */
export async function startSubscriptionAction(input: unknown) {
  return runAction(async () => {
    const parsed = parseInput(ZStartSubscriptionInput, input);
    const { actor, userId } = await authorizePlanScope(parsed.workspaceSlug, parsed.scope);
    const purchase = await startSubscriptionPurchase({
      workspaceId: actor.workspaceId,
      userId,
      buyer: { userId: actor.userId, email: actor.email, name: actor.name },
      planKey: parsed.planKey,
      payWith: parsed.payWith,
      idempotencyKey: `${actor.userId}:plan:${parsed.idempotencyKey}`,
    });
    if (purchase.status === "succeeded") revalidatePath(`/w/${actor.workspaceSlug}/billing`);
    return { purchase };
  });
}

/** Moves to a cheaper plan at the end of the paid period. */
export async function schedulePlanDowngradeAction(input: unknown) {
  return runAction(async () => {
    const parsed = parseInput(ZSchedulePlanInput, input);
    const { actor, userId } = await authorizePlanScope(parsed.workspaceSlug, parsed.scope);
    const result = await scheduleDowngrade({ workspaceId: actor.workspaceId, userId, planKey: parsed.planKey, actorUserId: actor.userId });
    revalidatePath(`/w/${actor.workspaceSlug}/billing`);
    return { effectiveAt: result.effectiveAt.toISOString(), planName: result.planName };
  });
}

/** Cancels the paid plan at the end of its period (Free afterwards). */
export async function cancelPlanAction(input: unknown) {
  return runAction(async () => {
    const parsed = parseInput(ZPlanScopeInput, input);
    const { actor, userId } = await authorizePlanScope(parsed.workspaceSlug, parsed.scope);
    const { endsAt } = await cancelPlan({ workspaceId: actor.workspaceId, userId, actorUserId: actor.userId });
    revalidatePath(`/w/${actor.workspaceSlug}/billing`);
    return { endsAt: endsAt.toISOString() };
  });
}

/** Keeps the current plan: undoes a cancellation or a scheduled downgrade. */
export async function resumePlanAction(input: unknown) {
  return runAction(async () => {
    const parsed = parseInput(ZPlanScopeInput, input);
    const { actor, userId } = await authorizePlanScope(parsed.workspaceSlug, parsed.scope);
    const { planName } = await resumePlan({ workspaceId: actor.workspaceId, userId, actorUserId: actor.userId });
    revalidatePath(`/w/${actor.workspaceSlug}/billing`);
    return { planName };
  });
}

"use server";

import { authorize } from "@/lib/auth/authorize";
import { parseInput } from "@/lib/http/api-route";
import { runAction } from "@/lib/actions/run-action";
import { ZConfirmPurchaseInput, ZStartPurchaseInput } from "@/lib/billing/schemas";
import { startPurchase } from "@/lib/billing/purchases/start-purchase";
import { settlePurchase } from "@/lib/billing/purchases/settle-purchase";
import { purchaseView } from "@/lib/billing/purchases/purchase-view";
import { AppError } from "@/lib/errors";

/** Starts (or, with the same key, resumes) a credit purchase for the signed-in buyer. */
export async function startPurchaseAction(input: unknown) {
  return runAction(async () => {
    const parsed = parseInput(ZStartPurchaseInput, input);
    const actor = await authorize({ workspace: { slug: parsed.workspaceSlug }, permission: parsed.target === "self" ? "credits:buy_self" : "credits:buy_for_members" });
    const view = await startPurchase({
      workspaceId: actor.workspaceId,
      buyer: { userId: actor.userId, email: actor.email, name: actor.name, role: actor.role },
      offerId: parsed.offerId,
      target: parsed.target,
      memberIds: parsed.memberIds,
      payWith: parsed.payWith,
      quotedAmountMinor: parsed.quotedAmountMinor,
      idempotencyKey: `${actor.userId}:${parsed.idempotencyKey}`,
    });
    return { purchase: view };
  });
}

/** After the browser confirmed a payment: re-read it from the gateway and grant the credits once. */
export async function confirmPurchaseAction(input: unknown) {
  return runAction(async () => {
    const parsed = parseInput(ZConfirmPurchaseInput, input);
    const actor = await authorize({ workspace: { slug: parsed.workspaceSlug }, permission: "credits:buy_self" });
    const purchase = await settlePurchase({ workspaceId: actor.workspaceId, purchaseId: parsed.purchaseId });
    if (!purchase || purchase.buyerUserId !== actor.userId) throw new AppError("not_found", "No such purchase.");
    return { purchase: await purchaseView(purchase) };
  });
}

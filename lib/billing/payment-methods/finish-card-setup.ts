import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getGateway } from "@/lib/payments/get-gateway";
import { saveDefaultCard } from "@/lib/billing/purchases/save-default-card";
import { declineMessage } from "@/lib/billing/purchases/decline-message";
import { recordAudit } from "@/lib/audit/record-audit";
import { syncAutoReloadTerms } from "@/lib/billing/auto-reload/sync-auto-reload-terms";
import { liftAutoReloadPause } from "@/lib/billing/auto-reload/lift-auto-reload-pause";

/**
 * After the browser confirmed a SetupIntent: re-reads it from the gateway, and when it succeeded
 * for this person's customer makes the card their default for every workspace they pay for, and
 * them this workspace's billing owner: their card becomes the workspace's payment method. Audited. Someone else's intent is `not_found`.
 */
export async function finishCardSetup(options: { workspaceId: string; userId: string; setupIntentId: string }) {
  const customer = await prisma.billingCustomer.findUnique({ where: { userId: options.userId } });
  const setup = await getGateway().confirmSetup(options.setupIntentId);
  if (!customer || setup.customerId !== customer.gatewayCustomerId) throw new AppError("not_found", "No such card setup.");
  if (setup.status === "failed") throw new AppError("payment_failed", declineMessage(setup));
  if (setup.status !== "succeeded") throw new AppError("payment_failed", setup.status === "requires_action" ? "The card's security check was not completed. Try again." : "The card was not saved. Try again or use another card.");
  await saveDefaultCard({ userId: options.userId, paymentMethodId: setup.paymentMethodId });
  const saved = await prisma.billingCustomer.findUniqueOrThrow({ where: { userId: options.userId } });
  await prisma.$transaction(async (tx) => {
    // The owner who saves a card makes it the workspace's payment method (page 001).
    await tx.workspace.update({ where: { id: options.workspaceId }, data: { billingOwnerUserId: options.userId } });
    const live = await tx.subscription.findMany({ where: { workspaceId: options.workspaceId, userId: null, status: { not: "ended" } }, select: { id: true } });
    await tx.subscriptionBilling.updateMany({ where: { workspaceId: options.workspaceId, subscriptionId: { in: live.map((s) => s.id) } }, data: { payerUserId: options.userId } });
    await recordAudit(tx, { workspaceId: options.workspaceId, actorUserId: options.userId, action: "payment_method.replaced", targetType: "payment_method", targetId: setup.paymentMethodId, details: { brand: saved.cardBrand, last4: saved.cardLast4, billingOwnerUserId: options.userId } });
  });
  // The workspace's card may have changed hands: auto-reload's terms name the new one.
  await syncAutoReloadTerms({ workspaceId: options.workspaceId });
  // …and is now this workspace's payment method: a pause the old card's failure caused ends.
  await liftAutoReloadPause({ workspaceId: options.workspaceId, onlyIfResolved: true });
  return { brand: saved.cardBrand ?? "card", last4: saved.cardLast4 ?? "", expMonth: saved.cardExpMonth ?? 0, expYear: saved.cardExpYear ?? 0 };
}

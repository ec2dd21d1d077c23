import { prisma } from "@/lib/db";
import { appBaseUrl } from "@/lib/app-url";
import { getWorkspacePolicy } from "@/lib/credits/policy";
import { pauseSpending } from "@/lib/credits/pause-spending";
import { enqueueEmail } from "@/lib/notify/enqueue-email";
import { createNotification } from "@/lib/notify/create-notification";
import { formatCredits, formatMoney } from "@/lib/format";
import { AUTO_RELOAD_PAUSE } from "@/lib/billing/auto-reload/pause-reasons";
import type { Purchase } from "@/lib/generated/prisma/client";

/** Where the payer completes a blocked reload on-session (3-D Secure, or another card). */
export function completeReloadPath(workspaceSlug: string, purchaseId: string): string {
  return `/w/${workspaceSlug}/credits/auto-reload?purchase=${encodeURIComponent(purchaseId)}`;
}

/**
 * A reload's payment failed. Under the policy, metered work pauses (402 credits_paused) until
 * the payment method is updated or the payer completes the charge, or auto-reload turns itself
 * off. Either way the reload waits for the payer, and every owner and the payer get an email
 * and an in-app notice with the link to fix it. Written in one transaction with the new state.
 */
export async function handleReloadFailure(options: { purchase: Purchase; paymentMethodId: string | null; authenticationRequired: boolean }): Promise<void> {
  const { purchase } = options;
  const policy = await getWorkspacePolicy({ workspaceId: purchase.workspaceId });
  const pause = policy.autoReload.onPaymentFailure === "pause_spending";
  if (pause) {
    await pauseSpending({ workspaceId: purchase.workspaceId, reason: options.authenticationRequired ? AUTO_RELOAD_PAUSE.authenticationRequired : AUTO_RELOAD_PAUSE.paymentFailed });
  }
  await prisma.$transaction(async (tx) => {
    await tx.autoReloadSetting.updateMany({
      where: { workspaceId: purchase.workspaceId },
      data: {
        reloadingPurchaseId: null,
        reloadingSince: null,
        blockedPurchaseId: purchase.id,
        failedPaymentMethodId: options.paymentMethodId,
        ...(pause ? {} : { enabled: false }),
      },
    });
    const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: purchase.workspaceId } });
    const owners = await tx.membership.findMany({ where: { workspaceId: purchase.workspaceId, OR: [{ role: "owner" }, { userId: purchase.buyerUserId }] }, include: { user: true } });
    const link = completeReloadPath(workspace.slug, purchase.id);
    const what = `${formatCredits(purchase.credits)} credits for ${formatMoney(purchase.amountMinor, purchase.currency)}`;
    const title = options.authenticationRequired ? "Auto-reload needs your bank's confirmation" : "Auto-reload payment failed";
    const consequence = pause
      ? "Metered AI work in this workspace is paused until the payment is completed or the payment method is updated."
      : "Auto-reload has been turned off; requests short of credits are refused until someone buys credits.";
    const step = options.authenticationRequired
      ? `The card's bank asks the cardholder to confirm the charge (3-D Secure). Confirm it here: ${appBaseUrl()}${link}`
      : `Reason: ${purchase.failureMessage ?? "the card was declined"}. Update the payment method or pay with another card here: ${appBaseUrl()}${link}`;
    for (const { user } of owners) {
      await enqueueEmail({ to: user.email, kind: "auto_reload_failed", workspaceId: workspace.id, subject: `${title} — ${workspace.name}`, text: `Hello ${user.name},\n\nAuto-reload tried to buy ${what} in ${workspace.name}, and the payment did not go through.\n${consequence}\n${step}\n\nRefill` }, tx);
      await createNotification(tx, { workspaceId: workspace.id, userId: user.id, kind: "auto_reload_failed", title, body: `${what}: ${consequence}`, href: link });
    }
  });
}

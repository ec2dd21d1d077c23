import { prisma } from "@/lib/db";
import { createNotification } from "@/lib/notify/create-notification";

const NOTE = "The renewal could not be completed; it will be tried again.";

/**
 * A renewal failed for a reason other than the payment (logged in full): noted on the
 * subscription's billing, which goes behind those not tried yet, and the first time the
 * workspace's owners get an in-app notice. Never throws: the run goes on.
 */
export async function noteRenewalError(options: { subscriptionId: string; workspaceId: string; error: unknown; now: Date }): Promise<void> {
  console.error(`[renewals] subscription ${options.subscriptionId} could not be renewed`, options.error);
  try {
    await prisma.$transaction(async (tx) => {
      const first = await tx.subscriptionBilling.updateMany({ where: { subscriptionId: options.subscriptionId, OR: [{ lastFailureMessage: null }, { lastFailureMessage: { not: NOTE } }] }, data: { lastFailureMessage: NOTE, lastAttemptAt: options.now } });
      if (first.count === 0) {
        await tx.subscriptionBilling.updateMany({ where: { subscriptionId: options.subscriptionId }, data: { lastAttemptAt: options.now } });
        return;
      }
      const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: options.workspaceId }, select: { slug: true } });
      const owners = await tx.membership.findMany({ where: { workspaceId: options.workspaceId, role: "owner" }, select: { userId: true } });
      for (const { userId } of owners) {
        await createNotification(tx, { workspaceId: options.workspaceId, userId, kind: "renewal_needs_attention", title: "A plan renewal needs attention", body: NOTE, href: `/w/${workspace.slug}/billing` });
      }
    });
  } catch (noteError) {
    console.error(`[renewals] could not note the failure of subscription ${options.subscriptionId}`, noteError);
  }
}

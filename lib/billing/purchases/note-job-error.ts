import { prisma } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { createNotification } from "@/lib/notify/create-notification";

/**
 * A background job (reconciliation, stale-reload settlement) failed on this purchase: the error
 * is logged in full, a safe note is recorded on the purchase (it moves to the back of the next
 * run), and the first time the workspace's owners get an in-app notice. Never throws: the run
 * must go on to the next item.
 */
export async function noteJobError(options: { purchaseId: string; job: string; error: unknown; now?: Date }): Promise<void> {
  const now = options.now ?? new Date();
  const errorId = crypto.randomUUID();
  console.error(`[${options.job}] purchase ${options.purchaseId} failed (error id ${errorId})`, options.error);
  const note = isAppError(options.error) ? options.error.message : `An unexpected error (id ${errorId}); it will be tried again.`;
  try {
    await prisma.$transaction(async (tx) => {
      const first = await tx.purchase.updateMany({ where: { id: options.purchaseId, jobErrorAt: null }, data: { jobErrorMessage: note, jobErrorAt: now } });
      if (first.count === 0) {
        await tx.purchase.updateMany({ where: { id: options.purchaseId }, data: { jobErrorMessage: note } });
        return;
      }
      const purchase = await tx.purchase.findUniqueOrThrow({ where: { id: options.purchaseId } });
      const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: purchase.workspaceId }, select: { slug: true } });
      const owners = await tx.membership.findMany({ where: { workspaceId: purchase.workspaceId, role: "owner" }, select: { userId: true } });
      for (const { userId } of owners) {
        await createNotification(tx, {
          workspaceId: purchase.workspaceId,
          userId,
          kind: "purchase_needs_attention",
          title: "A payment needs attention",
          body: `${purchase.description}: ${note}`,
          href: `/w/${workspace.slug}/billing`,
        });
      }
    });
  } catch (noteError) {
    console.error(`[${options.job}] could not note the failure of purchase ${options.purchaseId}`, noteError);
  }
}

/** The purchase went through a job cleanly after an earlier failure: the note goes. */
export async function clearJobError(purchaseId: string): Promise<void> {
  await prisma.purchase.updateMany({ where: { id: purchaseId, jobErrorAt: { not: null } }, data: { jobErrorMessage: null, jobErrorAt: null } });
}

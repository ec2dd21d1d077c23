import type { Prisma } from "@/lib/db";

export type TNotificationInput = { workspaceId: string; userId: string; kind: string; title: string; body: string; href?: string };

/** An in-app notice, written in the caller's transaction with what caused it. */
export async function createNotification(tx: Prisma.TransactionClient, input: TNotificationInput) {
  return tx.notification.create({ data: input });
}

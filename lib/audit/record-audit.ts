import type { Prisma } from "@/lib/db";

export type TAuditEvent = {
  workspaceId: string;
  actorUserId?: string;
  actorApiKeyId?: string;
  action: string;
  targetType: string;
  targetId?: string;
  details?: Prisma.InputJsonValue;
};

/** Writes an audit row in the caller's transaction, so the action and its record commit together. */
export async function recordAudit(tx: Prisma.TransactionClient, event: TAuditEvent) {
  await tx.auditLog.create({ data: { ...event, details: event.details ?? {} } });
}

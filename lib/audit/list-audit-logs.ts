import { prisma } from "@/lib/db";

const PAGE = 50;

/** A workspace's audit log, newest first, 50 a page (keyset on time and id), with actor names. */
export async function listAuditLogs(options: { workspaceId: string; before?: { createdAt: Date; id: string } }) {
  const rows = await prisma.auditLog.findMany({
    where: {
      workspaceId: options.workspaceId,
      ...(options.before ? { OR: [{ createdAt: { lt: options.before.createdAt } }, { createdAt: options.before.createdAt, id: { lt: options.before.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE + 1,
  });
  const page = rows.slice(0, PAGE);
  const actors = await prisma.user.findMany({ where: { id: { in: [...new Set(page.map((r) => r.actorUserId).filter((id): id is string => id !== null))] } }, select: { id: true, name: true, email: true } });
  const actorOf = new Map(actors.map((a) => [a.id, a]));
  const last = page[page.length - 1];
  return {
    entries: page.map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      action: r.action,
      target: r.targetId ? `${r.targetType} ${r.targetId}` : r.targetType,
      actor: r.actorUserId ? (actorOf.get(r.actorUserId)?.name ?? "Former member") : r.actorApiKeyId ? "API key" : "System",
      details: r.details,
    })),
    next: rows.length > PAGE ? `${last.createdAt.toISOString()}_${last.id}` : null,
  };
}

/** Parses the `before` cursor of the audit page; anything malformed means the first page. */
export function parseAuditCursor(value: string | undefined): { createdAt: Date; id: string } | undefined {
  const match = value?.match(/^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_([\w-]{1,64})$/);
  if (!match) return undefined;
  const createdAt = new Date(match[1]);
  return Number.isNaN(createdAt.getTime()) ? undefined : { createdAt, id: match[2] };
}

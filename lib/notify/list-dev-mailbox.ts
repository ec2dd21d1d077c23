import { prisma } from "@/lib/db";

/**
 * unsafeListDevMailbox: reads every workspace's outbox, deliberately unscoped: it exists only
 * on demo and test servers, where it stands in for the recipients' inboxes.
 */
export async function unsafeListDevMailbox(options: { to?: string; limit?: number }) {
  return prisma.emailOutbox.findMany({
    where: options.to ? { toAddress: options.to.toLowerCase() } : {},
    orderBy: { createdAt: "desc" },
    take: options.limit ?? 50,
  });
}

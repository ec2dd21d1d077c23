import { prisma } from "@/lib/db";

/** The dev mailbox is on only when REFILL_DEV_MAILBOX=1 (the demo without SMTP_URL, and tests). */
export function devMailboxEnabled(): boolean {
  return process.env.REFILL_DEV_MAILBOX === "1";
}

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

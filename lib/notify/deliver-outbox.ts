import type { Transporter } from "nodemailer";
import { prisma } from "@/lib/db";

const MAX_ATTEMPTS = 5;
const BATCH = 50;
const LEASE_MS = 2 * 60 * 1000;

/**
 * Sends pending outbox emails through the transport. A worker takes an email by setting a
 * lease where none is held, so two workers never send the same one; a worker that dies
 * mid-send leaves a lease that expires, and the email is sent by a later run.
 */
export async function deliverOutbox(options: { transport: Transporter; from: string }): Promise<{ sent: number; failed: number }> {
  const now = new Date();
  const pending = await prisma.emailOutbox.findMany({
    where: { status: "pending", attempts: { lt: MAX_ATTEMPTS }, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
    orderBy: { createdAt: "asc" },
    take: BATCH,
  });
  let sent = 0;
  let failed = 0;
  for (const email of pending) {
    const claimed = await prisma.emailOutbox.updateMany({
      where: { id: email.id, status: "pending", OR: [{ claimedUntil: null }, { claimedUntil: { lt: new Date() } }] },
      data: { attempts: { increment: 1 }, claimedUntil: new Date(Date.now() + LEASE_MS) },
    });
    if (claimed.count === 0) continue;
    try {
      await options.transport.sendMail({ from: options.from, to: email.toAddress, subject: email.subject, text: email.text, html: email.html ?? undefined });
      await prisma.emailOutbox.update({ where: { id: email.id }, data: { status: "sent", sentAt: new Date(), lastError: null, claimedUntil: null } });
      sent += 1;
    } catch (error) {
      const exhausted = email.attempts + 1 >= MAX_ATTEMPTS;
      await prisma.emailOutbox.update({
        where: { id: email.id },
        data: { lastError: (error as Error).message.slice(0, 500), status: exhausted ? "failed" : "pending", claimedUntil: null },
      });
      failed += 1;
    }
  }
  return { sent, failed };
}

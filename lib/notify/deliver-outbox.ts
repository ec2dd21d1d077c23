import type { Transporter } from "nodemailer";
import { prisma } from "@/lib/db";

const MAX_ATTEMPTS = 5;
const BATCH = 50;

/**
 * Sends pending outbox emails through the transport. Each email is claimed by bumping its
 * attempt count where it is still pending, so two workers never send the same one.
 */
export async function deliverOutbox(options: { transport: Transporter; from: string }): Promise<{ sent: number; failed: number }> {
  const pending = await prisma.emailOutbox.findMany({
    where: { status: "pending", attempts: { lt: MAX_ATTEMPTS } },
    orderBy: { createdAt: "asc" },
    take: BATCH,
  });
  let sent = 0;
  let failed = 0;
  for (const email of pending) {
    const claimed = await prisma.emailOutbox.updateMany({
      where: { id: email.id, status: "pending", attempts: email.attempts },
      data: { attempts: { increment: 1 } },
    });
    if (claimed.count === 0) continue;
    try {
      await options.transport.sendMail({ from: options.from, to: email.toAddress, subject: email.subject, text: email.text, html: email.html ?? undefined });
      await prisma.emailOutbox.update({ where: { id: email.id }, data: { status: "sent", sentAt: new Date(), lastError: null } });
      sent += 1;
    } catch (error) {
      const exhausted = email.attempts + 1 >= MAX_ATTEMPTS;
      await prisma.emailOutbox.update({
        where: { id: email.id },
        data: { lastError: (error as Error).message.slice(0, 500), status: exhausted ? "failed" : "pending" },
      });
      failed += 1;
    }
  }
  return { sent, failed };
}

import { prisma, type Prisma } from "@/lib/db";

export type TEmail = { to: string; subject: string; text: string; html?: string; kind: string; workspaceId?: string };

/**
 * Writes an email to the outbox (inside the caller's transaction when one is given); the
 * delivery job sends it, so no web request waits on SMTP.
 */
export async function enqueueEmail(email: TEmail, tx: Prisma.TransactionClient = prisma) {
  return tx.emailOutbox.create({
    data: {
      toAddress: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      kind: email.kind,
      workspaceId: email.workspaceId,
    },
  });
}

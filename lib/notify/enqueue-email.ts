import { prisma, type Prisma } from "@/lib/db";
import { queueJob } from "@/lib/queue/job-queue";
import { EMAIL_DELIVERY_JOB } from "@/lib/queue/job-specs";

export type TEmail = { to: string; subject: string; text: string; html?: string; kind: string; workspaceId?: string };

/**
 * Writes an email to the outbox (inside the caller's transaction when one is given) and kicks
 * the delivery job, so no web request waits on SMTP. Inside a transaction the kick waits a
 * moment for the commit; the job's schedule delivers anything a kick missed.
 */
export async function enqueueEmail(email: TEmail, tx: Prisma.TransactionClient = prisma) {
  const queued = await tx.emailOutbox.create({
    data: {
      toAddress: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      kind: email.kind,
      workspaceId: email.workspaceId,
    },
  });
  await queueJob(EMAIL_DELIVERY_JOB, {}, tx === prisma ? {} : { startAfterSeconds: 2 });
  return queued;
}

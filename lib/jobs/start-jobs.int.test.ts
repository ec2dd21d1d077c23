import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import { prisma } from "@/lib/db";
import { enqueueEmail } from "@/lib/notify/enqueue-email";
import { resetDatabase } from "@/test/reset-database";
import { startSmtpSink } from "@/test/helpers/smtp-sink";

describe("jobs on pg-boss", () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let boss: PgBoss;

  beforeAll(async () => {
    await resetDatabase();
    sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
  });
  afterAll(async () => {
    await boss?.stop({ graceful: false, wait: true });
    await sink.close();
    delete process.env.SMTP_URL;
  });

  it("starts with the server and an enqueued email kicks its own delivery", async () => {
    const { startJobs } = await import("@/lib/jobs/start-jobs");
    boss = await startJobs();
    const email = await enqueueEmail({ to: "owner@example.test", subject: "Invoice INV-1", text: "Thanks", kind: "test" });
    await expect.poll(async () => (await prisma.emailOutbox.findUniqueOrThrow({ where: { id: email.id } })).status, { timeout: 20_000 }).toBe("sent");
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0].data).toContain("Subject: Invoice INV-1");
  });
});

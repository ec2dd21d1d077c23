import nodemailer from "nodemailer";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { enqueueEmail } from "@/lib/notify/enqueue-email";
import { deliverOutbox } from "@/lib/notify/deliver-outbox";
import { resetDatabase } from "@/test/reset-database";
import { startSmtpSink } from "@/test/helpers/smtp-sink";

describe("email outbox delivery", () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => sink.close());
  beforeEach(async () => {
    await resetDatabase();
    sink.received.length = 0;
  });

  it("sends each pending email once over SMTP and marks it sent", async () => {
    await enqueueEmail({ to: "ann@example.test", subject: "Hello", text: "Body one", kind: "test" });
    await enqueueEmail({ to: "bob@example.test", subject: "Second", text: "Body two", kind: "test" });
    const transport = nodemailer.createTransport(sink.url);
    const [first, second] = await Promise.all([
      deliverOutbox({ transport, from: "Refill <billing@refill.local>" }),
      deliverOutbox({ transport, from: "Refill <billing@refill.local>" }),
    ]);
    expect(first.sent + second.sent).toBe(2);
    expect(sink.received.map((m) => m.to[0]).sort()).toEqual(["<ann@example.test>", "<bob@example.test>"]);
    const rows = await prisma.emailOutbox.findMany();
    expect(rows.every((row) => row.status === "sent" && row.sentAt)).toBe(true);
    expect((await deliverOutbox({ transport, from: "x@y.z" })).sent).toBe(0);
  });

  it("keeps a failed email pending with its error, then gives up after five attempts", async () => {
    await enqueueEmail({ to: "ann@example.test", subject: "Hello", text: "Body", kind: "test" });
    const broken = nodemailer.createTransport("smtp://127.0.0.1:1");
    for (let attempt = 1; attempt <= 5; attempt++) {
      const result = await deliverOutbox({ transport: broken, from: "x@y.z" });
      expect(result.failed).toBe(1);
    }
    const row = await prisma.emailOutbox.findFirstOrThrow();
    expect(row.status).toBe("failed");
    expect(row.attempts).toBe(5);
    expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect((await deliverOutbox({ transport: broken, from: "x@y.z" })).failed).toBe(0);
  });
});

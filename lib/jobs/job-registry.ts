import type { z } from "zod";
import { reconcilePurchases } from "@/lib/billing/purchases/reconcile-purchases";
import { renewSubscriptions } from "@/lib/billing/subscriptions/renew-subscriptions";
import { settleStaleReloads } from "@/lib/billing/auto-reload/settle-stale-reloads";
import { deliverOutbox } from "@/lib/notify/deliver-outbox";
import { EMAIL_FROM, emailTransport } from "@/lib/notify/email-transport";
import type { TJobSpec } from "@/lib/queue/job-queue";
import { AUTO_RELOAD_SETTLE_JOB, EMAIL_DELIVERY_JOB, PURCHASE_RECONCILIATION_JOB, SUBSCRIPTION_RENEWAL_JOB } from "@/lib/queue/job-specs";

/**
 * A job's spec with its handler and the schedule (cron, UTC) that runs it as a safety net.
 * Handlers are idempotent: a job may run twice or late. This is the only file that imports them.
 */
export type TJobDefinition = { spec: TJobSpec; cron?: string; handle: (payload: unknown) => Promise<unknown> };

function defineJob<TPayload extends z.ZodType>(
  spec: TJobSpec<TPayload>,
  { cron, handle }: { cron?: string; handle: (payload: z.output<TPayload>) => Promise<unknown> },
): TJobDefinition {
  return { spec, cron, handle: (payload) => handle(spec.payload.parse(payload ?? {})) };
}

export const JOB_DEFINITIONS: TJobDefinition[] = [
  defineJob(EMAIL_DELIVERY_JOB, {
    cron: "* * * * *",
    async handle() {
      const transport = emailTransport();
      if (!transport) return { skipped: "no SMTP_URL: emails stay in the outbox" };
      return deliverOutbox({ transport, from: EMAIL_FROM });
    },
  }),
  defineJob(PURCHASE_RECONCILIATION_JOB, { cron: "* * * * *", handle: () => reconcilePurchases() }),
  defineJob(SUBSCRIPTION_RENEWAL_JOB, { cron: "*/5 * * * *", handle: () => renewSubscriptions() }),
  defineJob(AUTO_RELOAD_SETTLE_JOB, { cron: "* * * * *", handle: () => settleStaleReloads() }),
];

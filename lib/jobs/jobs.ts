import { defineJob } from "@/lib/jobs/job-registry";
import { deliverOutbox } from "@/lib/notify/deliver-outbox";
import { EMAIL_FROM, emailTransport } from "@/lib/notify/email-transport";

/** The jobs of the app; each area adds its own here. */
export const deliverEmailsJob = defineJob({
  name: "email-outbox-delivery",
  cron: "* * * * *",
  async run() {
    const transport = emailTransport();
    if (!transport) return { skipped: "no SMTP_URL: emails stay in the outbox" };
    return deliverOutbox({ transport, from: EMAIL_FROM });
  },
});

export const reconcilePurchasesJob = defineJob({
  name: "purchase-reconciliation",
  cron: "* * * * *",
  async run() {
    const { reconcilePurchases } = await import("@/lib/billing/purchases/reconcile-purchases");
    return reconcilePurchases();
  },
});

export const renewSubscriptionsJob = defineJob({
  name: "subscription-renewal",
  cron: "*/5 * * * *",
  async run() {
    const { renewSubscriptions } = await import("@/lib/billing/subscriptions/renew-subscriptions");
    return renewSubscriptions();
  },
});

export const settleStaleReloadsJob = defineJob({
  name: "auto-reload-settle",
  cron: "* * * * *",
  async run() {
    const { settleStaleReloads } = await import("@/lib/billing/auto-reload/settle-stale-reloads");
    return settleStaleReloads();
  },
});

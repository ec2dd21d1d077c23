import { z } from "zod";
import { jobSpec } from "@/lib/queue/job-queue";

/** Every background job by name and payload; handlers are attached in lib/jobs/job-registry. */
export const EMAIL_DELIVERY_JOB = jobSpec("email-outbox-delivery", z.object({}));
export const PURCHASE_RECONCILIATION_JOB = jobSpec("purchase-reconciliation", z.object({}));
export const SUBSCRIPTION_RENEWAL_JOB = jobSpec("subscription-renewal", z.object({}));
export const AUTO_RELOAD_SETTLE_JOB = jobSpec("auto-reload-settle", z.object({}));

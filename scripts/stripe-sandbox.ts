// The offline Stripe sandbox as a process: `npx tsx scripts/stripe-sandbox.ts`.
// Env: STRIPE_SANDBOX_PORT (default 12111), STRIPE_SANDBOX_HOST (default 127.0.0.1),
// STRIPE_SANDBOX_WEBHOOK_URL + STRIPE_WEBHOOK_SECRET (the app's webhook route and its secret),
// STRIPE_SANDBOX_PUBLIC_URL (how browsers reach it, when not the request's Host),
// STRIPE_SANDBOX_RETRY_SCHEDULE (webhook retry delays in ms, e.g. "200,500,1000"; default 1000,5000,30000).
import { startStripeSandbox } from "../lib/payments/sandbox/index";

const port = Number(process.env.STRIPE_SANDBOX_PORT ?? 12111);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid STRIPE_SANDBOX_PORT: ${process.env.STRIPE_SANDBOX_PORT}`);
  process.exit(1);
}

const retrySchedule = process.env.STRIPE_SANDBOX_RETRY_SCHEDULE?.split(",").map((delay) => Number(delay.trim()));
if (retrySchedule?.some((delay) => !Number.isInteger(delay) || delay < 0)) {
  console.error(`Invalid STRIPE_SANDBOX_RETRY_SCHEDULE: ${process.env.STRIPE_SANDBOX_RETRY_SCHEDULE}`);
  process.exit(1);
}

const sandbox = await startStripeSandbox({
  port,
  host: process.env.STRIPE_SANDBOX_HOST || undefined,
  webhookUrl: process.env.STRIPE_SANDBOX_WEBHOOK_URL || undefined,
  webhookSecret: process.env.STRIPE_WEBHOOK_SECRET || undefined,
  publicUrl: process.env.STRIPE_SANDBOX_PUBLIC_URL || undefined,
  retrySchedule,
});
console.log(`[stripe-sandbox] listening on ${sandbox.url} (Stripe.js stand-in: ${sandbox.url}/js/v3.js)`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    sandbox.close().then(() => process.exit(0), () => process.exit(1));
  });
}

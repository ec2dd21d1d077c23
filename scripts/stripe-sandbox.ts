// The offline Stripe sandbox as a process: `npx tsx scripts/stripe-sandbox.ts`.
// Env: STRIPE_SANDBOX_PORT (default 12111), STRIPE_SANDBOX_HOST (default 127.0.0.1),
// STRIPE_SANDBOX_WEBHOOK_URL + STRIPE_WEBHOOK_SECRET (the app's webhook route and its secret),
// STRIPE_SANDBOX_PUBLIC_URL (how browsers reach it, when not the request's Host),
// STRIPE_SANDBOX_RETRY_SCHEDULE (webhook retry delays in ms, e.g. "200,500,1000"; default 1000,5000,30000),
// STRIPE_SANDBOX_SECRET_KEY (the one key accepted, default sk_test_refill_sandbox, and its pk_ pair),
// STRIPE_SANDBOX_CONTROL_TOKEN (Bearer token of the /_sandbox controls; random when unset),
// NEXTAUTH_URL (the app's origin, the only one allowed in CORS; default http://localhost:3000).
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
  secretKey: process.env.STRIPE_SANDBOX_SECRET_KEY || undefined,
  controlToken: process.env.STRIPE_SANDBOX_CONTROL_TOKEN || undefined,
  allowedOrigins: [new URL(process.env.NEXTAUTH_URL || "http://localhost:3000").origin],
});
if (!process.env.STRIPE_SANDBOX_CONTROL_TOKEN) console.log("[stripe-sandbox] /_sandbox controls use a random token (set STRIPE_SANDBOX_CONTROL_TOKEN to choose it)");
console.log(`[stripe-sandbox] listening on ${sandbox.url} (Stripe.js stand-in: ${sandbox.url}/js/v3.js)`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    sandbox.close().then(() => process.exit(0), () => process.exit(1));
  });
}

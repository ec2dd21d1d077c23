import type { AddressInfo } from "node:net";
import { addWebhookEndpoint } from "./routes/webhook-endpoints";
import { randomBytes } from "node:crypto";
import { createSandboxServer } from "./server";
import { DEFAULT_RETRY_SCHEDULE } from "./webhook-dispatcher";

export { signWebhookPayload } from "./webhook-signature";
export { TEST_CARDS } from "./test-cards";

/** The secret key the sandbox accepts unless told otherwise (the demo's). */
export const DEFAULT_SANDBOX_SECRET_KEY = "sk_test_refill_sandbox";

/** A sandbox secret key's publishable pair: `sk_test_x` → `pk_test_x`. */
export function publishableKeyFor(secretKey: string): string {
  return secretKey.replace(/^sk_/, "pk_");
}

export interface StripeSandboxOptions {
  /** 0 picks a free port. */
  port: number;
  /** The one secret key accepted (`sk_test_…`, default `sk_test_refill_sandbox`); its `pk_test_…` pair is the publishable key. */
  secretKey?: string;
  /** Origins allowed to call the API from browsers (the app's origin); default none. */
  allowedOrigins?: readonly string[];
  /** Bearer token for the `/_sandbox` controls; generated when omitted (see `controlToken` of the result). */
  controlToken?: string;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** An endpoint that receives every event (the app's webhook route). */
  webhookUrl?: string;
  /** Its signing secret (the app's STRIPE_WEBHOOK_SECRET); generated and logged when omitted. */
  webhookSecret?: string;
  /** Delays before each webhook retry, in ms; default [1000, 5000, 30000]. */
  retrySchedule?: readonly number[];
  /** Shown on the 3-D Secure challenge; default "Refill". */
  merchantName?: string;
  /** Base URL browsers use to reach the sandbox, when it differs from the request's Host. */
  publicUrl?: string;
  /** Receives the sandbox's log lines (unknown parameters, webhook failures); `false` silences it. */
  log?: ((message: string) => void) | false;
}

export interface StripeSandbox {
  url: string;
  port: number;
  /** The token the `/_sandbox` controls require. */
  controlToken: string;
  close: () => Promise<void>;
}

/**
 * Starts the offline Stripe sandbox: a Stripe-compatible HTTP API for the real `stripe` SDK
 * (`new Stripe(key, { host, port, protocol: "http" })`), the Stripe.js stand-in at `/js/v3.js`,
 * signed webhooks, and test controls under `/_sandbox`. State lives in memory.
 */
export async function startStripeSandbox(options: StripeSandboxOptions): Promise<StripeSandbox> {
  const log = options.log === false ? () => {} : (options.log ?? ((message: string) => console.log(`[stripe-sandbox] ${message}`)));
  const secretKey = options.secretKey || DEFAULT_SANDBOX_SECRET_KEY;
  if (!/^sk_test_\w+$/.test(secretKey)) throw new Error("The sandbox's secret key must look like sk_test_…");
  const controlToken = options.controlToken || randomBytes(24).toString("base64url");
  const { server, state, webhooks } = createSandboxServer(
    {
      merchantName: options.merchantName ?? "Refill",
      publicUrl: options.publicUrl?.replace(/\/$/, "") ?? null,
      keys: { secret: secretKey, publishable: publishableKeyFor(secretKey) },
      allowedOrigins: options.allowedOrigins ?? [],
      controlToken,
      log,
    },
    options.retrySchedule ?? DEFAULT_RETRY_SCHEDULE,
  );
  if (options.webhookUrl) {
    const endpoint = addWebhookEndpoint(state, { url: options.webhookUrl, secret: options.webhookSecret });
    if (!options.webhookSecret) log(`webhook endpoint ${endpoint.url} signs with a generated secret; pass the app's STRIPE_WEBHOOK_SECRET to verify it`);
  }
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host === "0.0.0.0" ? "127.0.0.1" : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    controlToken,
    close: () =>
      new Promise<void>((resolve, reject) => {
        webhooks.reset();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

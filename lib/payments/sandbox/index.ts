import type { AddressInfo } from "node:net";
import { addWebhookEndpoint } from "./routes/webhook-endpoints";
import { createSandboxServer } from "./server";
import { DEFAULT_RETRY_SCHEDULE } from "./webhook-dispatcher";

export { signWebhookPayload } from "./webhook-signature";
export { TEST_CARDS } from "./test-cards";

export interface StripeSandboxOptions {
  /** 0 picks a free port. */
  port: number;
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
  close: () => Promise<void>;
}

/**
 * Starts the offline Stripe sandbox: a Stripe-compatible HTTP API for the real `stripe` SDK
 * (`new Stripe(key, { host, port, protocol: "http" })`), the Stripe.js stand-in at `/js/v3.js`,
 * signed webhooks, and test controls under `/_sandbox`. State lives in memory.
 */
export async function startStripeSandbox(options: StripeSandboxOptions): Promise<StripeSandbox> {
  const log = options.log === false ? () => {} : (options.log ?? ((message: string) => console.log(`[stripe-sandbox] ${message}`)));
  const { server, state, webhooks } = createSandboxServer(
    { merchantName: options.merchantName ?? "Refill", publicUrl: options.publicUrl?.replace(/\/$/, "") ?? null, log },
    options.retrySchedule ?? DEFAULT_RETRY_SCHEDULE,
  );
  if (options.webhookUrl) {
    const endpoint = addWebhookEndpoint(state, { url: options.webhookUrl, secret: options.webhookSecret });
    if (!options.webhookSecret) log(`webhook endpoint ${endpoint.url} signs with generated secret ${endpoint.secret}`);
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
    close: () =>
      new Promise<void>((resolve, reject) => {
        webhooks.reset();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

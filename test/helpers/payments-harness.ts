import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { startStripeSandbox } from "@/lib/payments/sandbox";
import { createStripeGateway } from "@/lib/payments/stripe-gateway";
import { setGatewayForTests } from "@/lib/payments/get-gateway";
import { handleStripeWebhook } from "@/lib/billing/handle-stripe-webhook";

export const WEBHOOK_SECRET = "whsec_integration_test_secret";

/**
 * The app's payment path against a real sandbox: the gateway (real stripe SDK) points at it, and
 * its webhooks reach the app's own handler through a local HTTP server.
 */
export async function startPaymentsHarness(options: { webhooks?: boolean } = {}) {
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const request = new Request("http://app.local/api/webhooks/stripe", {
        method: "POST",
        headers: req.headers as Record<string, string>,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      const response = await handleStripeWebhook(request);
      res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/stripe`;
  const sandbox = await startStripeSandbox({
    port: 0,
    log: false,
    secretKey: "sk_test_it",
    retrySchedule: [50, 100, 200],
    ...(options.webhooks === false ? {} : { webhookUrl, webhookSecret: WEBHOOK_SECRET }),
  });
  const connection = { host: "127.0.0.1", port: sandbox.port, protocol: "http" as const };
  setGatewayForTests(createStripeGateway({ secretKey: "sk_test_it", publishableKey: "pk_test_it", webhookSecret: WEBHOOK_SECRET, connection }));
  const stripe = new Stripe("sk_test_it", { ...connection, maxNetworkRetries: 0 });
  return {
    sandbox,
    stripe,
    webhookUrl,
    async flushWebhooks() {
      await fetch(`${sandbox.url}/_sandbox/webhooks/flush`, { method: "POST", headers: { authorization: `Bearer ${sandbox.controlToken}` } });
    },
    async authenticate(paymentIntentId: string, clientSecret: string, outcome: "complete" | "fail") {
      const response = await fetch(`${sandbox.url}/_sandbox/payment_intents/${paymentIntentId}/authenticate`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ client_secret: clientSecret, outcome }).toString(),
      });
      if (!response.ok) throw new Error(`authenticate failed: ${response.status} ${await response.text()}`);
    },
    async close() {
      setGatewayForTests(undefined);
      await sandbox.close();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    },
  };
}

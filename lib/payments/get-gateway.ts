import { createStripeGateway } from "@/lib/payments/stripe-gateway";
import type { PaymentGateway } from "@/lib/payments/gateway";

// The sandbox accepts only the key it was started with (STRIPE_SANDBOX_SECRET_KEY) and its pair.
const DEFAULT_SANDBOX_SECRET_KEY = "sk_test_refill_sandbox";

let gateway: PaymentGateway | undefined;

/**
 * Stripe when STRIPE_SECRET_KEY is set, otherwise the offline Stripe sandbox on
 * STRIPE_SANDBOX_PORT. Both go through the same `stripe` SDK code.
 */
export function getGateway(): PaymentGateway {
  if (gateway) return gateway;
  const secretKey = process.env.STRIPE_SECRET_KEY;
  if (secretKey) {
    gateway = createStripeGateway({
      secretKey,
      publishableKey: process.env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY ?? "",
      webhookSecret: process.env.STRIPE_WEBHOOK_SECRET ?? "",
    });
  } else {
    const port = Number(process.env.STRIPE_SANDBOX_PORT ?? 12111);
    const host = process.env.STRIPE_SANDBOX_HOST ?? "127.0.0.1";
    const sandboxKey = process.env.STRIPE_SANDBOX_SECRET_KEY || DEFAULT_SANDBOX_SECRET_KEY;
    gateway = createStripeGateway({
      secretKey: sandboxKey,
      publishableKey: sandboxKey.replace(/^sk_/, "pk_"),
      webhookSecret: process.env.STRIPE_WEBHOOK_SECRET ?? "",
      connection: { host, port, protocol: "http" },
      stripeJsUrl: `${process.env.STRIPE_SANDBOX_PUBLIC_URL ?? `http://${host}:${port}`}/js/v3.js`,
    });
  }
  return gateway;
}

/** Tests swap in a gateway pointed at their own sandbox. */
export function setGatewayForTests(replacement: PaymentGateway | undefined) {
  gateway = replacement;
}

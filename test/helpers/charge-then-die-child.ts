// Run as a separate process by the fault tests: starts a saved-card purchase and SIGKILLs itself
// the moment the gateway has charged the card, before the purchase records the PaymentIntent id.
import { startPurchase, type TStartPurchaseOptions } from "@/lib/billing/purchases/start-purchase";
import { createStripeGateway } from "@/lib/payments/stripe-gateway";
import { setGatewayForTests } from "@/lib/payments/get-gateway";

const [port, secretKey, json] = process.argv.slice(2);
const gateway = createStripeGateway({ secretKey, publishableKey: secretKey.replace(/^sk_/, "pk_"), webhookSecret: "whsec_unused", connection: { host: "127.0.0.1", port: Number(port), protocol: "http" } });
setGatewayForTests({
  ...gateway,
  async createPayment(input) {
    await gateway.createPayment(input);
    process.kill(process.pid, "SIGKILL");
    throw new Error("unreachable: the process was killed");
  },
});
await startPurchase(JSON.parse(json) as TStartPurchaseOptions);

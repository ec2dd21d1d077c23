import { prisma } from "@/lib/db";
import { readVerifiedWebhook } from "@/lib/payments/read-verified-webhook";
import { settlePaymentIntent } from "@/lib/billing/purchases/settle-payment-intent";

const HANDLED = new Set(["payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.requires_action", "payment_intent.canceled"]);

/**
 * The gateway's webhook: a verified event (lib/payments reads and checks it), skip event ids
 * already handled, ignore types we do not act on, and settle the purchase by re-reading the
 * payment from the gateway (the payload is not trusted), matched by its stored id or, failing
 * that, by the `purchaseId` in the payment's metadata. A failure answers 500 so the sender
 * retries; settlement is idempotent, so duplicates and out-of-order events are harmless.
 */
export async function handleStripeWebhook(request: Request): Promise<Response> {
  const verified = await readVerifiedWebhook(request);
  if ("refusal" in verified) return verified.refusal;
  const { event } = verified;
  if (!HANDLED.has(event.type) || !event.paymentIntentId) return Response.json({ received: true, ignored: true });
  if (await prisma.gatewayEvent.findUnique({ where: { id: event.id } })) return Response.json({ received: true, duplicate: true });
  try {
    await settlePaymentIntent({ paymentIntentId: event.paymentIntentId });
    await prisma.gatewayEvent.createMany({ data: [{ id: event.id, type: event.type }], skipDuplicates: true });
    return Response.json({ received: true });
  } catch (error) {
    console.error(`[webhook] ${event.type} ${event.id} failed`, error);
    return Response.json({ error: { code: "processing_failed", message: "Will be retried." } }, { status: 500 });
  }
}

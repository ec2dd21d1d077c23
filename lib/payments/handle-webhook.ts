import { prisma } from "@/lib/db";
import { getGateway } from "@/lib/payments/get-gateway";
import { AppError } from "@/lib/errors";
import { readLimitedBody } from "@/lib/http/read-limited-body";
import { settlePaymentIntent } from "@/lib/billing/purchases/settle-payment-intent";

// Stripe's event payloads are a few KiB; an unsigned body is never read past this.
const MAX_WEBHOOK_BYTES = 256 * 1024;
const HANDLED = new Set(["payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.requires_action", "payment_intent.canceled"]);

/**
 * The gateway's webhook: read at most 256 KiB (413 past it), verify the signature on the raw
 * body (400 when it fails), skip event ids already handled, ignore types we do not act on, and
 * settle the purchase by re-reading the payment from the gateway (the payload is not trusted),
 * matched by its stored id or, failing that, by the `purchaseId` in the payment's metadata. A
 * failure answers 500 so the sender retries; settlement is idempotent, so duplicates and
 * out-of-order events are harmless.
 */
export async function handleWebhook(request: Request): Promise<Response> {
  let rawBody: string;
  try {
    rawBody = await readLimitedBody(request, MAX_WEBHOOK_BYTES, "256 KiB");
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return Response.json({ error: { code: "payload_too_large", message: "The webhook body is over 256 KiB." } }, { status: 413 });
  }
  let event;
  try {
    event = getGateway().verifyWebhook(rawBody, request.headers.get("stripe-signature"));
  } catch {
    return Response.json({ error: { code: "invalid_signature", message: "The webhook signature does not match." } }, { status: 400 });
  }
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

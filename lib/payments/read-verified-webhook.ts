import { AppError } from "@/lib/errors";
import { readLimitedBody } from "@/lib/http/read-limited-body";
import { getGateway } from "@/lib/payments/get-gateway";
import type { TGatewayEvent } from "@/lib/payments/gateway";

// Stripe's event payloads are a few KiB; an unsigned body is never read past this.
const MAX_WEBHOOK_BYTES = 256 * 1024;

/**
 * The gateway's half of a webhook: read at most 256 KiB (413 past it) and verify the signature
 * on the raw body (400 when it fails). Returns the verified event, or the answer to send.
 */
export async function readVerifiedWebhook(request: Request): Promise<{ event: TGatewayEvent } | { refusal: Response }> {
  let rawBody: string;
  try {
    rawBody = await readLimitedBody(request, MAX_WEBHOOK_BYTES, "256 KiB");
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { refusal: Response.json({ error: { code: "payload_too_large", message: "The webhook body is over 256 KiB." } }, { status: 413 }) };
  }
  try {
    return { event: getGateway().verifyWebhook(rawBody, request.headers.get("stripe-signature")) };
  } catch {
    return { refusal: Response.json({ error: { code: "invalid_signature", message: "The webhook signature does not match." } }, { status: 400 }) };
  }
}

import type { RequestContext } from "./context";
import { cardError, invalidRequest } from "./errors";
import { paymentErrorFrom } from "./payment-errors";
import { testCardByNumber } from "./test-cards";
import type { PaymentMethod } from "./types";

export function cardSecretOf(ctx: RequestContext, paymentMethod: PaymentMethod) {
  const secret = ctx.state.cardSecrets.get(paymentMethod.id);
  if (!secret) throw new Error(`Sandbox invariant broken: no card data for ${paymentMethod.id}`);
  return secret;
}

const CONSUMED_MESSAGE =
  "The provided PaymentMethod was previously used with a PaymentIntent without Customer attachment, shared with a connected account, or was detached from a Customer. It may not be used again. To use a PaymentMethod multiple times, you must attach it to a Customer first.";

/** Refuses a payment method Stripe would refuse for an intent of `customerId`. */
export function assertUsableBy(ctx: RequestContext, paymentMethod: PaymentMethod, customerId: string | null): void {
  if (cardSecretOf(ctx, paymentMethod).consumed) throw invalidRequest(CONSUMED_MESSAGE, { param: "payment_method" });
  if (paymentMethod.customer && !customerId) {
    throw invalidRequest(
      "The provided PaymentMethod is attached to a Customer, but no Customer was provided. To use this PaymentMethod, provide the Customer's id.",
      { param: "customer" },
    );
  }
  if (paymentMethod.customer && customerId && paymentMethod.customer !== customerId) {
    throw invalidRequest("The provided PaymentMethod is attached to a different Customer.", { param: "payment_method" });
  }
}

/**
 * Throws what attaching `paymentMethod` to `customerId` would fail with. `verify`: the issuer
 * checks the card, as on `POST /v1/payment_methods/:id/attach`; a card it declines fails with
 * that decline (402).
 */
export function assertAttachable(ctx: RequestContext, paymentMethod: PaymentMethod, customerId: string, verify: boolean): void {
  if (paymentMethod.customer === customerId) return;
  if (paymentMethod.customer) {
    throw invalidRequest("The payment method you provided has already been attached to a customer.", { param: "payment_method" });
  }
  const secret = cardSecretOf(ctx, paymentMethod);
  if (secret.consumed) throw invalidRequest(CONSUMED_MESSAGE, { param: "payment_method" });
  const card = testCardByNumber(secret.number);
  if (verify && card.declinesSetup && card.chargeDecline) throw cardError(paymentErrorFrom(card.chargeDecline, null, null));
}

/** Attaches `paymentMethod` to `customerId` (no-op when already attached to it); see `assertAttachable`. */
export function attachPaymentMethod(ctx: RequestContext, paymentMethod: PaymentMethod, customerId: string, verify: boolean): PaymentMethod {
  assertAttachable(ctx, paymentMethod, customerId, verify);
  if (paymentMethod.customer === customerId) return paymentMethod;
  paymentMethod.customer = customerId;
  ctx.emit("payment_method.attached", paymentMethod);
  return paymentMethod;
}

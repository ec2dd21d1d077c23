import { attachPaymentMethod, cardSecretOf } from "./attach-payment-method";
import { createCharge } from "./charges";
import type { RequestContext } from "./context";
import type { Params } from "./form-body";
import { cardError, invalidRequest, unexpectedState } from "./errors";
import { challengeNextAction, type ConfirmOptions, selectPaymentMethod } from "./intent-confirmation";
import { authenticationFailure, paymentErrorFrom } from "./payment-errors";
import { AUTHENTICATION_REQUIRED, type Decline, needsAuthentication, testCardByNumber } from "./test-cards";
import type { PaymentError, PaymentIntent, PaymentMethod } from "./types";

// The PaymentIntent state machine:
// requires_payment_method → requires_confirmation → (requires_action) → succeeded | requires_capture,
// canceled from any unfinished state; a failed attempt returns to requires_payment_method.

const CONFIRMABLE = new Set(["requires_payment_method", "requires_confirmation", "requires_action"]);

/**
 * One charge attempt; updates the intent and emits its events. Returns the payment error on a
 * decline (the intent is then back to `requires_payment_method`), or null on success.
 */
function attemptCharge(
  ctx: RequestContext,
  intent: PaymentIntent,
  paymentMethod: PaymentMethod,
  decline: Decline | null,
  authenticated: boolean,
): PaymentError | null {
  const capture = intent.capture_method !== "manual";
  const charge = createCharge(ctx, intent, paymentMethod, { decline, authenticated, capture });
  const secret = ctx.state.intentSecret(intent.id);
  intent.latest_charge = charge.id;
  intent.next_action = null;
  secret.authenticatedPaymentMethod = null;
  if (decline) {
    intent.status = "requires_payment_method";
    intent.payment_method = null;
    intent.last_payment_error = paymentErrorFrom(decline, paymentMethod, charge.id);
    ctx.emit("payment_intent.payment_failed", intent);
    return intent.last_payment_error;
  }
  intent.last_payment_error = null;
  const card = cardSecretOf(ctx, paymentMethod);
  if (intent.setup_future_usage && intent.customer) {
    attachPaymentMethod(ctx, paymentMethod, intent.customer, false);
    card.setUp = true;
  } else if (!paymentMethod.customer) {
    card.consumed = true;
  }
  if (capture) {
    intent.status = "succeeded";
    intent.amount_received = intent.amount;
    ctx.emit("payment_intent.succeeded", intent);
  } else {
    intent.status = "requires_capture";
    intent.amount_capturable = intent.amount;
    ctx.emit("payment_intent.amount_capturable_updated", intent);
  }
  return null;
}

function throwIfFailed(intent: PaymentIntent, error: PaymentError | null): PaymentIntent {
  if (error) throw cardError(error, { payment_intent: structuredClone(intent) });
  return intent;
}

/**
 * Confirms `intent` with the request's `payment_method`/`payment_method_data` or its own.
 * Off-session (or `error_on_requires_action`) attempts that need authentication fail with
 * `authentication_required`; on-session ones stop at `requires_action`. Declines throw a 402.
 */
export function confirmPaymentIntent(ctx: RequestContext, intent: PaymentIntent, options: ConfirmOptions, source: Params | null): PaymentIntent {
  if (!CONFIRMABLE.has(intent.status)) throw unexpectedState("PaymentIntent", intent.status, "confirm");
  const paymentMethod = selectPaymentMethod(ctx, intent, source);
  if (!paymentMethod) {
    throw invalidRequest(
      "You cannot confirm this PaymentIntent because it's missing a payment method. Update the PaymentIntent with a payment method and then confirm it again.",
      { code: "payment_intent_unexpected_state" },
    );
  }
  intent.payment_method = paymentMethod.id;
  const secret = ctx.state.intentSecret(intent.id);
  secret.offSession = options.offSession;
  const card = cardSecretOf(ctx, paymentMethod);
  const behaviour = testCardByNumber(card.number);
  const authenticated = secret.authenticatedPaymentMethod === paymentMethod.id;
  if (!authenticated && needsAuthentication(behaviour.authentication, options.offSession, card.setUp)) {
    if (options.offSession || options.errorOnRequiresAction) {
      return throwIfFailed(intent, attemptCharge(ctx, intent, paymentMethod, AUTHENTICATION_REQUIRED, false));
    }
    intent.status = "requires_action";
    intent.next_action = challengeNextAction(ctx, intent, options);
    intent.last_payment_error = null;
    ctx.emit("payment_intent.requires_action", intent);
    return intent;
  }
  return throwIfFailed(intent, attemptCharge(ctx, intent, paymentMethod, behaviour.chargeDecline ?? null, authenticated));
}

/**
 * The outcome of the 3-D Secure challenge (sandbox-only). `complete` continues the payment
 * (or, with manual confirmation, waits for the server to confirm again); `fail` returns the
 * intent to `requires_payment_method` with `payment_intent_authentication_failure`.
 */
export function authenticatePaymentIntent(ctx: RequestContext, intent: PaymentIntent, outcome: "complete" | "fail"): PaymentIntent {
  if (intent.status !== "requires_action" || !intent.payment_method) throw unexpectedState("PaymentIntent", intent.status, "authenticate");
  const paymentMethod = ctx.state.paymentMethods.get(intent.payment_method);
  if (!paymentMethod) throw new Error(`Sandbox invariant broken: ${intent.id} names a missing payment method`);
  intent.next_action = null;
  if (outcome === "fail") {
    intent.status = "requires_payment_method";
    intent.payment_method = null;
    intent.last_payment_error = authenticationFailure("payment_intent", paymentMethod);
    ctx.emit("payment_intent.payment_failed", intent);
    return intent;
  }
  ctx.state.intentSecret(intent.id).authenticatedPaymentMethod = paymentMethod.id;
  if (intent.confirmation_method === "manual") {
    intent.status = "requires_confirmation";
    return intent;
  }
  const decline = testCardByNumber(cardSecretOf(ctx, paymentMethod).number).chargeDecline ?? null;
  attemptCharge(ctx, intent, paymentMethod, decline, true);
  return intent;
}

/** Captures an authorized (manual capture) intent. */
export function capturePaymentIntent(ctx: RequestContext, intent: PaymentIntent, amountToCapture: number | undefined): PaymentIntent {
  if (intent.status !== "requires_capture" || !intent.latest_charge) throw unexpectedState("PaymentIntent", intent.status, "capture");
  const amount = amountToCapture ?? intent.amount_capturable;
  if (amount < 1 || amount > intent.amount_capturable) {
    throw invalidRequest("The amount to capture must be positive and at most the amount capturable.", { param: "amount_to_capture" });
  }
  const charge = ctx.state.charges.get(intent.latest_charge);
  if (charge) {
    charge.captured = true;
    charge.amount_captured = amount;
    ctx.emit("charge.captured", charge);
  }
  intent.status = "succeeded";
  intent.amount_received = amount;
  intent.amount_capturable = 0;
  ctx.emit("payment_intent.succeeded", intent);
  return intent;
}

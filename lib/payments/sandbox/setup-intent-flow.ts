import { attachPaymentMethod, cardSecretOf } from "./attach-payment-method";
import type { RequestContext } from "./context";
import type { Params } from "./form-body";
import { cardError, invalidRequest, unexpectedState } from "./errors";
import { challengeNextAction, type ConfirmOptions, selectPaymentMethod } from "./intent-confirmation";
import { authenticationFailure, paymentErrorFrom } from "./payment-errors";
import { testCardByNumber } from "./test-cards";
import type { PaymentMethod, SetupIntent } from "./types";

// The SetupIntent machine: the PaymentIntent's without a charge. A declined setup returns to
// requires_payment_method (never to canceled); a successful one attaches the card to the
// intent's customer and marks it set up for off-session use.

const CONFIRMABLE = new Set(["requires_payment_method", "requires_confirmation", "requires_action"]);

function finishSetup(ctx: RequestContext, intent: SetupIntent, paymentMethod: PaymentMethod): SetupIntent {
  const card = cardSecretOf(ctx, paymentMethod);
  const behaviour = testCardByNumber(card.number);
  intent.next_action = null;
  ctx.state.intentSecret(intent.id).authenticatedPaymentMethod = null;
  if (behaviour.declinesSetup && behaviour.chargeDecline) {
    intent.status = "requires_payment_method";
    intent.payment_method = null;
    intent.last_setup_error = paymentErrorFrom(behaviour.chargeDecline, paymentMethod, null);
    ctx.emit("setup_intent.setup_failed", intent);
    return intent;
  }
  if (intent.customer) attachPaymentMethod(ctx, paymentMethod, intent.customer, false);
  card.setUp = true;
  intent.status = "succeeded";
  intent.last_setup_error = null;
  ctx.emit("setup_intent.succeeded", intent);
  return intent;
}

function throwIfFailed(intent: SetupIntent): SetupIntent {
  if (intent.status === "requires_payment_method" && intent.last_setup_error) {
    throw cardError(intent.last_setup_error, { setup_intent: structuredClone(intent) });
  }
  return intent;
}

/** Confirms a SetupIntent (always on-session): a card that ever asks for 3-D Secure is challenged. */
export function confirmSetupIntent(ctx: RequestContext, intent: SetupIntent, options: ConfirmOptions, source: Params | null): SetupIntent {
  if (!CONFIRMABLE.has(intent.status)) throw unexpectedState("SetupIntent", intent.status, "confirm");
  const paymentMethod = selectPaymentMethod(ctx, intent, source);
  if (!paymentMethod) {
    throw invalidRequest("You cannot confirm this SetupIntent because it's missing a payment method.", {
      code: "setup_intent_unexpected_state",
    });
  }
  intent.payment_method = paymentMethod.id;
  intent.last_setup_error = null;
  const behaviour = testCardByNumber(cardSecretOf(ctx, paymentMethod).number);
  const authenticated = ctx.state.intentSecret(intent.id).authenticatedPaymentMethod === paymentMethod.id;
  if (!authenticated && behaviour.authentication !== "none") {
    intent.status = "requires_action";
    intent.next_action = challengeNextAction(ctx, intent, options);
    ctx.emit("setup_intent.requires_action", intent);
    return intent;
  }
  return throwIfFailed(finishSetup(ctx, intent, paymentMethod));
}

/** The challenge outcome for a SetupIntent (sandbox-only). */
export function authenticateSetupIntent(ctx: RequestContext, intent: SetupIntent, outcome: "complete" | "fail"): SetupIntent {
  if (intent.status !== "requires_action" || !intent.payment_method) throw unexpectedState("SetupIntent", intent.status, "authenticate");
  const paymentMethod = ctx.state.paymentMethods.get(intent.payment_method);
  if (!paymentMethod) throw new Error(`Sandbox invariant broken: ${intent.id} names a missing payment method`);
  if (outcome === "complete") return finishSetup(ctx, intent, paymentMethod);
  intent.next_action = null;
  intent.status = "requires_payment_method";
  intent.payment_method = null;
  intent.last_setup_error = authenticationFailure("setup_intent", paymentMethod);
  ctx.emit("setup_intent.setup_failed", intent);
  return intent;
}

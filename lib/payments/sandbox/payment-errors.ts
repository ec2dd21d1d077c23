import type { Decline } from "./test-cards";
import type { PaymentError, PaymentMethod } from "./types";

/** `last_payment_error` / `last_setup_error` (and a 402's `error`) for a decline. */
export function paymentErrorFrom(decline: Decline, paymentMethod: PaymentMethod | null, chargeId: string | null): PaymentError {
  return {
    type: "card_error",
    code: decline.code,
    ...(decline.declineCode ? { decline_code: decline.declineCode } : {}),
    message: decline.message,
    doc_url: `https://stripe.com/docs/error-codes/${decline.code.replaceAll("_", "-")}`,
    ...(chargeId ? { charge: chargeId } : {}),
    ...(paymentMethod ? { payment_method: structuredClone(paymentMethod) } : {}),
  };
}

/** The card holder failed (or abandoned) the 3-D Secure challenge. */
export function authenticationFailure(kind: "payment_intent" | "setup_intent", paymentMethod: PaymentMethod): PaymentError {
  const code = `${kind}_authentication_failure`;
  return {
    type: "invalid_request_error",
    code,
    message: "We are unable to authenticate your payment method. Please choose a different payment method and try again.",
    doc_url: `https://stripe.com/docs/error-codes/${code.replaceAll("_", "-")}`,
    payment_method: structuredClone(paymentMethod),
  };
}

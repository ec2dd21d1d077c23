import type { RequestContext } from "./context";
import { newId, nowSeconds } from "./ids";
import type { Decline } from "./test-cards";
import type { Charge, PaymentIntent, PaymentMethod } from "./types";

export interface ChargeOutcome {
  decline: Decline | null;
  /** The card holder completed a 3-D Secure challenge for this payment. */
  authenticated: boolean;
  /** Automatic capture; manual capture leaves the charge authorized only. */
  capture: boolean;
}

/** Records one charge attempt of `intent` on `paymentMethod`, successful or failed. */
export function createCharge(ctx: RequestContext, intent: PaymentIntent, paymentMethod: PaymentMethod, outcome: ChargeOutcome): Charge {
  const { decline } = outcome;
  const succeeded = decline === null;
  const card = paymentMethod.card;
  const charge: Charge = {
    id: newId("ch"),
    object: "charge",
    amount: intent.amount,
    amount_captured: succeeded && outcome.capture ? intent.amount : 0,
    amount_refunded: 0,
    billing_details: structuredClone(paymentMethod.billing_details),
    captured: succeeded && outcome.capture,
    created: nowSeconds(),
    currency: intent.currency,
    customer: intent.customer,
    description: intent.description,
    failure_code: decline?.code ?? null,
    failure_message: decline?.message ?? null,
    livemode: false,
    metadata: { ...intent.metadata },
    outcome: {
      network_status: succeeded ? "approved_by_network" : "declined_by_network",
      reason: decline?.declineCode ?? null,
      risk_level: "normal",
      seller_message: succeeded ? "Payment complete." : "The bank did not return any further details with this decline.",
      type: succeeded ? "authorized" : "issuer_declined",
    },
    paid: succeeded,
    payment_intent: intent.id,
    payment_method: paymentMethod.id,
    payment_method_details: {
      type: "card",
      card: {
        brand: card.brand,
        checks: { ...card.checks },
        country: card.country,
        exp_month: card.exp_month,
        exp_year: card.exp_year,
        fingerprint: card.fingerprint,
        funding: card.funding,
        last4: card.last4,
        network: card.brand,
        three_d_secure: outcome.authenticated ? { authentication_flow: "challenge", result: "authenticated", version: "2.2.0" } : null,
      },
    },
    refunded: false,
    status: succeeded ? "succeeded" : "failed",
  };
  ctx.state.charges.add(charge);
  ctx.emit(succeeded ? "charge.succeeded" : "charge.failed", charge);
  return charge;
}

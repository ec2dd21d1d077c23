import { brandOf, fingerprintOf, passesLuhn } from "./card-number";
import type { RequestContext } from "./context";
import { cardError, invalidRequest, missingParam, noSuchObject } from "./errors";
import type { Params } from "./form-body";
import { newId, nowSeconds } from "./ids";
import { applyMetadata, readObject, readString } from "./params";
import { testCardByNumber, testCardByPaymentMethodId } from "./test-cards";
import type { Address, BillingDetails, PaymentMethod } from "./types";

function invalidCard(code: string, message: string, param: string) {
  return cardError({ type: "card_error", code, message, param });
}

function readExpiry(card: Params): { month: number; year: number } {
  const month = Number(readString(card, "exp_month"));
  let year = Number(readString(card, "exp_year"));
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw invalidCard("invalid_expiry_month", "Your card's expiration month is invalid.", "card[exp_month]");
  }
  if (year < 100) year += 2000;
  const now = new Date();
  const expired = year < now.getUTCFullYear() || (year === now.getUTCFullYear() && month < now.getUTCMonth() + 1);
  if (!Number.isInteger(year) || expired || year > now.getUTCFullYear() + 50) {
    throw invalidCard("invalid_expiry_year", "Your card's expiration year is invalid.", "card[exp_year]");
  }
  return { month, year };
}

export function readBillingDetails(params: Params | null | undefined): BillingDetails {
  const address = params ? readObject(params, "address") : undefined;
  const field = (source: Params | null | undefined, key: string) => (source ? (readString(source, key) ?? null) : null);
  const fullAddress: Address = {
    city: field(address, "city"),
    country: field(address, "country"),
    line1: field(address, "line1"),
    line2: field(address, "line2"),
    postal_code: field(address, "postal_code"),
    state: field(address, "state"),
  };
  return { address: fullAddress, email: field(params, "email"), name: field(params, "name"), phone: field(params, "phone") };
}

interface CardInput {
  number: string;
  expMonth: number;
  expYear: number;
  cvcGiven: boolean;
  billingDetails: BillingDetails;
  metadata: Record<string, string>;
}

function storeCard(ctx: RequestContext, input: CardInput): PaymentMethod {
  const brand = brandOf(input.number);
  const paymentMethod: PaymentMethod = {
    id: newId("pm"),
    object: "payment_method",
    allow_redisplay: "unspecified",
    billing_details: input.billingDetails,
    card: {
      brand,
      checks: {
        address_line1_check: input.billingDetails.address.line1 ? "pass" : null,
        address_postal_code_check: input.billingDetails.address.postal_code ? "pass" : null,
        cvc_check: input.cvcGiven ? (testCardByNumber(input.number).chargeDecline?.code === "incorrect_cvc" ? "fail" : "pass") : null,
      },
      country: "US",
      display_brand: brand,
      exp_month: input.expMonth,
      exp_year: input.expYear,
      fingerprint: fingerprintOf(input.number),
      funding: "credit",
      last4: input.number.slice(-4),
      networks: { available: [brand], preferred: null },
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created: nowSeconds(),
    customer: null,
    livemode: false,
    metadata: input.metadata,
    type: "card",
  };
  ctx.state.paymentMethods.add(paymentMethod);
  ctx.state.cardSecrets.set(paymentMethod.id, { number: input.number, setUp: false, consumed: false });
  return paymentMethod;
}

/**
 * Creates a card PaymentMethod from `type=card&card[…]&billing_details[…]` (also the shape of
 * `payment_method_data`). Creating never declines; malformed card data is a 402 card error.
 */
export function createCardPaymentMethod(ctx: RequestContext, params: Params): PaymentMethod {
  const type = readString(params, "type");
  if (!type) throw missingParam("type");
  if (type !== "card") throw invalidRequest(`The sandbox simulates card payment methods only (got type=${type}).`, { param: "type" });
  const card = readObject(params, "card");
  if (!card) throw missingParam("card");
  const number = (readString(card, "number") ?? "").replace(/[\s-]/g, "");
  if (!number) throw missingParam("card[number]");
  if (!passesLuhn(number)) throw invalidCard("incorrect_number", "Your card number is incorrect.", "card[number]");
  if (readString(card, "exp_month") == null) throw missingParam("card[exp_month]");
  if (readString(card, "exp_year") == null) throw missingParam("card[exp_year]");
  const { month, year } = readExpiry(card);
  const cvc = readString(card, "cvc");
  if (cvc != null && !/^\d{3,4}$/.test(cvc)) throw invalidCard("invalid_cvc", "Your card's security code is invalid.", "card[cvc]");
  return storeCard(ctx, {
    number,
    expMonth: month,
    expYear: year,
    cvcGiven: cvc != null,
    billingDetails: readBillingDetails(readObject(params, "billing_details")),
    metadata: applyMetadata({}, params),
  });
}

/**
 * The PaymentMethod an id names. Stripe's canonical test ids (`pm_card_visa`, …) create a fresh
 * payment method on every use, so each call with one returns a new object.
 * `param` names the parameter the id came from (400 when unknown); without it, 404.
 */
export function resolvePaymentMethod(ctx: RequestContext, id: string, param?: string): PaymentMethod {
  const testCard = testCardByPaymentMethodId(id);
  if (testCard) {
    const nextYear = new Date().getUTCFullYear() + 3;
    return storeCard(ctx, {
      number: testCard.number,
      expMonth: 12,
      expYear: nextYear,
      cvcGiven: true,
      billingDetails: readBillingDetails(undefined),
      metadata: {},
    });
  }
  const found = ctx.state.paymentMethods.get(id);
  if (!found) throw noSuchObject("PaymentMethod", id, param);
  return found;
}

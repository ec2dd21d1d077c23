// Stripe's documented test cards (docs.stripe.com/testing) and what each does in the sandbox.

export interface Decline {
  code: string;
  declineCode?: string;
  message: string;
}

/**
 * When the issuer asks for 3-D Secure:
 * - `none`: never (frictionless);
 * - `always`: on-session challenge every time, off-session always `authentication_required`;
 * - `until_set_up`: on-session challenge; off-session `authentication_required` until the card
 *   has been set up (SetupIntent, or a payment with setup_future_usage), then frictionless;
 * - `on_session`: on-session challenge; off-session frictionless.
 */
export type Authentication = "none" | "always" | "until_set_up" | "on_session";

export interface TestCard {
  number: string;
  /** The canonical PaymentMethod id that creates a fresh payment method with this card. */
  testPaymentMethod: string;
  authentication: Authentication;
  /** Every charge is declined with this (after authentication, if any). */
  chargeDecline?: Decline;
  /** The issuer also declines the card check made on attach and on SetupIntent confirmation. */
  declinesSetup?: boolean;
}

const GENERIC: Decline = { code: "card_declined", declineCode: "generic_decline", message: "Your card was declined." };
const INSUFFICIENT: Decline = { code: "card_declined", declineCode: "insufficient_funds", message: "Your card has insufficient funds." };

export const AUTHENTICATION_REQUIRED: Decline = {
  code: "authentication_required",
  declineCode: "authentication_required",
  message: "Your card was declined. This transaction requires authentication.",
};

export const TEST_CARDS: readonly TestCard[] = [
  { number: "4242424242424242", testPaymentMethod: "pm_card_visa", authentication: "none" },
  { number: "5555555555554444", testPaymentMethod: "pm_card_mastercard", authentication: "none" },
  { number: "378282246310005", testPaymentMethod: "pm_card_amex", authentication: "none" },
  { number: "4000000000000002", testPaymentMethod: "pm_card_visa_chargeDeclined", authentication: "none", chargeDecline: GENERIC, declinesSetup: true },
  {
    number: "4000000000009995",
    testPaymentMethod: "pm_card_visa_chargeDeclinedInsufficientFunds",
    authentication: "none",
    chargeDecline: INSUFFICIENT,
    declinesSetup: true,
  },
  {
    number: "4000000000009987",
    testPaymentMethod: "pm_card_visa_chargeDeclinedLostCard",
    authentication: "none",
    chargeDecline: { code: "card_declined", declineCode: "lost_card", message: "Your card was declined." },
    declinesSetup: true,
  },
  {
    number: "4000000000009979",
    testPaymentMethod: "pm_card_visa_chargeDeclinedStolenCard",
    authentication: "none",
    chargeDecline: { code: "card_declined", declineCode: "stolen_card", message: "Your card was declined." },
    declinesSetup: true,
  },
  {
    number: "4000000000000069",
    testPaymentMethod: "pm_card_chargeDeclinedExpiredCard",
    authentication: "none",
    chargeDecline: { code: "expired_card", declineCode: "expired_card", message: "Your card has expired." },
    declinesSetup: true,
  },
  {
    number: "4000000000000127",
    testPaymentMethod: "pm_card_chargeDeclinedIncorrectCvc",
    authentication: "none",
    chargeDecline: { code: "incorrect_cvc", declineCode: "incorrect_cvc", message: "Your card's security code is incorrect." },
    declinesSetup: true,
  },
  {
    number: "4000000000000119",
    testPaymentMethod: "pm_card_chargeDeclinedProcessingError",
    authentication: "none",
    chargeDecline: {
      code: "processing_error",
      declineCode: "processing_error",
      message: "An error occurred while processing your card. Try again in a little bit.",
    },
    declinesSetup: true,
  },
  { number: "4000000000000341", testPaymentMethod: "pm_card_chargeCustomerFail", authentication: "none", chargeDecline: GENERIC },
  { number: "4000002500003155", testPaymentMethod: "pm_card_authenticationRequiredOnSetup", authentication: "until_set_up" },
  { number: "4000002760003184", testPaymentMethod: "pm_card_authenticationRequired", authentication: "always" },
  { number: "4000003800000446", testPaymentMethod: "pm_card_authenticationRequiredSetupForOffSession", authentication: "on_session" },
  {
    number: "4000008260003178",
    testPaymentMethod: "pm_card_authenticationRequiredChargeDeclinedInsufficientFunds",
    authentication: "always",
    chargeDecline: INSUFFICIENT,
  },
  { number: "4000000000003220", testPaymentMethod: "pm_card_threeDSecure2Required", authentication: "always" },
  { number: "4000008400001629", testPaymentMethod: "pm_card_threeDSecureRequiredChargeDeclined", authentication: "always", chargeDecline: GENERIC },
  { number: "4000000000003055", testPaymentMethod: "pm_card_threeDSecureOptional", authentication: "none" },
];

/** Any other valid number behaves like 4242 4242 4242 4242. */
const DEFAULT_BEHAVIOUR: Omit<TestCard, "number" | "testPaymentMethod"> = { authentication: "none" };

export function testCardByNumber(number: string): Omit<TestCard, "number" | "testPaymentMethod"> {
  return TEST_CARDS.find((card) => card.number === number) ?? DEFAULT_BEHAVIOUR;
}

export function testCardByPaymentMethodId(id: string): TestCard | undefined {
  return TEST_CARDS.find((card) => card.testPaymentMethod === id);
}

/** Whether this attempt needs 3-D Secure. `setUp`: the card has been set up for off-session use. */
export function needsAuthentication(authentication: Authentication, offSession: boolean, setUp: boolean): boolean {
  switch (authentication) {
    case "none":
      return false;
    case "always":
      return true;
    case "until_set_up":
      return !offSession || !setUp;
    case "on_session":
      return !offSession;
  }
}

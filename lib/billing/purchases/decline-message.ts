const MESSAGES: Record<string, string> = {
  insufficient_funds: "Your card has insufficient funds. Try another card.",
  lost_card: "Your card was reported lost. Use a different card.",
  stolen_card: "Your card was reported stolen. Use a different card.",
  expired_card: "Your card has expired. Check the expiry date or use another card.",
  incorrect_cvc: "The security code (CVC) is incorrect. Check it and try again.",
  incorrect_number: "The card number is incorrect. Check it and try again.",
  processing_error: "The card issuer could not process the payment. Try again in a moment.",
  generic_decline: "Your card was declined by its issuer. Check with your bank or use another card.",
  card_declined: "Your card was declined by its issuer. Check with your bank or use another card.",
  authentication_required: "Your bank needs you to confirm this payment. Complete the verification to continue.",
  payment_method_unusable: "The saved card can no longer be charged (it was removed, or its billing account was closed). Add a card and pay again.",
  payment_intent_authentication_failure: "The card's security check was not completed, so nothing was charged. Try again or use another card.",
};

/** The issuer's reason in plain words; the most specific code known wins. */
export function declineMessage(failure: { code: string; declineCode: string | null; message?: string }): string {
  return MESSAGES[failure.declineCode ?? ""] ?? MESSAGES[failure.code] ?? failure.message ?? "The payment did not go through.";
}

/**
 * The gateway idempotency key of one attempt to pay a purchase: the purchase and the payment
 * method it is charged to (none: a card the browser will enter). Retrying the same attempt
 * replays it, so it never charges twice; a retry that switches card is another attempt with its
 * own key (the gateway refuses a key reused with other parameters).
 */
export function paymentAttemptKey(purchaseId: string, paymentMethodId: string | null | undefined): string {
  return `purchase:${purchaseId}:${paymentMethodId ?? "new_card"}`;
}

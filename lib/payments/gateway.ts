/**
 * The payment gateway port. The app speaks only these types; `get-gateway.ts` picks Stripe or
 * the offline sandbox from configuration, and no other module knows which one runs.
 */
export type TCardSummary = { paymentMethodId: string; brand: string; last4: string; expMonth: number; expYear: number };

export type TPaymentOutcome =
  | { status: "succeeded"; paymentIntentId: string; paymentMethodId: string | null }
  | { status: "requires_action"; paymentIntentId: string; clientSecret: string }
  | { status: "requires_payment_method"; paymentIntentId: string; clientSecret: string }
  | { status: "processing"; paymentIntentId: string }
  /** A failed attempt; the intent (if any) can be confirmed again with another card. */
  | { status: "failed"; paymentIntentId: string | null; clientSecret: string | null; code: string; declineCode: string | null; message: string }
  | { status: "canceled"; paymentIntentId: string };

export type TCreatePaymentInput = {
  amountMinor: number;
  currency: string;
  customerId: string;
  description: string;
  metadata: Record<string, string>;
  idempotencyKey: string;
  /** A saved card charged now (on-session one-click, or off-session for auto-reload). */
  paymentMethodId?: string;
  offSession?: boolean;
  /** Keep the card entered in the browser for later charges. */
  saveCard?: boolean;
};

/** A SetupIntent: saving a card (3-D Secure included) without charging it. */
export type TSetupOutcome =
  | { status: "succeeded"; setupIntentId: string; paymentMethodId: string; customerId: string | null }
  | { status: "requires_action" | "requires_payment_method" | "processing"; setupIntentId: string; clientSecret: string; customerId: string | null }
  | { status: "failed"; setupIntentId: string; clientSecret: string; customerId: string | null; code: string; declineCode: string | null; message: string }
  | { status: "canceled"; setupIntentId: string; customerId: string | null };

export type TGatewayEvent = { id: string; type: string; paymentIntentId: string | null };

export interface PaymentGateway {
  /** What the browser needs: the publishable key and, for the sandbox, its Stripe.js stand-in. */
  browserConfig(): { publishableKey: string; stripeJsUrl: string | null };
  createCustomer(input: { email: string; name: string; userId: string; idempotencyKey: string }): Promise<string>;
  /** Creates a PaymentIntent; with a card it is confirmed at once. Never throws on a decline. */
  createPayment(input: TCreatePaymentInput): Promise<TPaymentOutcome>;
  retrievePayment(paymentIntentId: string): Promise<TPaymentOutcome & { metadata: Record<string, string> }>;
  /**
   * The payments whose metadata holds `key` = `value`, newest first (Stripe's search: its index
   * may lag a write by up to a minute). Finds a payment whose id the app never stored.
   */
  findPaymentsByMetadata(key: string, value: string): Promise<(TPaymentOutcome & { metadata: Record<string, string> })[]>;
  retrieveCard(paymentMethodId: string): Promise<TCardSummary>;
  setDefaultCard(customerId: string, paymentMethodId: string): Promise<void>;
  /** Creates a SetupIntent for the browser to confirm with a new card (off-session use later). */
  createSetup(input: { customerId: string; metadata: Record<string, string>; idempotencyKey: string }): Promise<{ setupIntentId: string; clientSecret: string }>;
  /** Reads back a SetupIntent the browser confirmed: never trust the browser's word for it. */
  confirmSetup(setupIntentId: string): Promise<TSetupOutcome & { metadata: Record<string, string> }>;
  /** Verifies the signature over the raw body; throws when it does not match. */
  verifyWebhook(rawBody: string, signatureHeader: string | null): TGatewayEvent;
}

// Shapes of the Stripe objects the sandbox serves: the subset of Stripe's API that Refill uses.
// Field names follow Stripe's API reference; fields Stripe has but Refill never reads are omitted.

export type Metadata = Record<string, string>;

export interface Address {
  city: string | null;
  country: string | null;
  line1: string | null;
  line2: string | null;
  postal_code: string | null;
  state: string | null;
}

export interface BillingDetails {
  address: Address;
  email: string | null;
  name: string | null;
  phone: string | null;
}

export type CheckResult = "pass" | "fail" | "unavailable" | "unchecked" | null;

export interface CardDetails {
  brand: string;
  checks: { address_line1_check: CheckResult; address_postal_code_check: CheckResult; cvc_check: CheckResult };
  country: string;
  display_brand: string;
  exp_month: number;
  exp_year: number;
  fingerprint: string;
  funding: "credit" | "debit" | "prepaid" | "unknown";
  last4: string;
  networks: { available: string[]; preferred: string | null };
  three_d_secure_usage: { supported: boolean };
  wallet: null;
}

export interface PaymentMethod {
  id: string;
  object: "payment_method";
  allow_redisplay: "always" | "limited" | "unspecified";
  billing_details: BillingDetails;
  card: CardDetails;
  created: number;
  customer: string | null;
  livemode: false;
  metadata: Metadata;
  type: "card";
}

export interface Customer {
  id: string;
  object: "customer";
  address: Address | null;
  balance: number;
  created: number;
  currency: string | null;
  default_source: null;
  delinquent: boolean;
  description: string | null;
  email: string | null;
  invoice_prefix: string;
  invoice_settings: { custom_fields: null; default_payment_method: string | null; footer: null; rendering_options: null };
  livemode: false;
  metadata: Metadata;
  name: string | null;
  phone: string | null;
  preferred_locales: string[];
  shipping: null;
  tax_exempt: "none";
  test_clock: null;
}

export interface DeletedCustomer {
  id: string;
  object: "customer";
  deleted: true;
}

/** `last_payment_error` / `last_setup_error`, and the `error` body of a failed call. */
export interface PaymentError {
  type: "card_error" | "invalid_request_error";
  code: string;
  decline_code?: string;
  message: string;
  doc_url?: string;
  charge?: string;
  param?: string;
  payment_method?: PaymentMethod;
}

export interface NextAction {
  type: "use_stripe_sdk" | "redirect_to_url";
  use_stripe_sdk?: ChallengeDescriptor;
  redirect_to_url?: { url: string; return_url: string };
}

/** The content of `next_action.use_stripe_sdk` (inferred: Stripe documents it as opaque). */
export interface ChallengeDescriptor {
  type: "three_d_secure_redirect";
  stripe_js: string;
  merchant: string;
}

export type PaymentIntentStatus =
  | "requires_payment_method"
  | "requires_confirmation"
  | "requires_action"
  | "processing"
  | "requires_capture"
  | "succeeded"
  | "canceled";

export type SetupFutureUsage = "off_session" | "on_session" | null;

export interface PaymentIntent {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_capturable: number;
  amount_received: number;
  automatic_payment_methods: { enabled: boolean } | null;
  canceled_at: number | null;
  cancellation_reason: string | null;
  capture_method: "automatic" | "automatic_async" | "manual";
  client_secret: string;
  confirmation_method: "automatic" | "manual";
  created: number;
  currency: string;
  customer: string | null;
  description: string | null;
  last_payment_error: PaymentError | null;
  latest_charge: string | null;
  livemode: false;
  metadata: Metadata;
  next_action: NextAction | null;
  payment_method: string | null;
  payment_method_types: string[];
  receipt_email: string | null;
  setup_future_usage: SetupFutureUsage;
  statement_descriptor: string | null;
  status: PaymentIntentStatus;
}

export type SetupIntentStatus = Exclude<PaymentIntentStatus, "requires_capture">;

export interface SetupIntent {
  id: string;
  object: "setup_intent";
  cancellation_reason: string | null;
  client_secret: string;
  created: number;
  customer: string | null;
  description: string | null;
  last_setup_error: PaymentError | null;
  livemode: false;
  metadata: Metadata;
  next_action: NextAction | null;
  payment_method: string | null;
  payment_method_types: string[];
  status: SetupIntentStatus;
  usage: "off_session" | "on_session";
}

export interface Charge {
  id: string;
  object: "charge";
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  billing_details: BillingDetails;
  captured: boolean;
  created: number;
  currency: string;
  customer: string | null;
  description: string | null;
  failure_code: string | null;
  failure_message: string | null;
  livemode: false;
  metadata: Metadata;
  outcome: {
    network_status: "approved_by_network" | "declined_by_network";
    reason: string | null;
    risk_level: "normal";
    seller_message: string;
    type: "authorized" | "issuer_declined";
  };
  paid: boolean;
  payment_intent: string;
  payment_method: string;
  payment_method_details: { type: "card"; card: ChargeCardDetails };
  refunded: boolean;
  status: "succeeded" | "failed";
}

export interface ChargeCardDetails {
  brand: string;
  checks: CardDetails["checks"];
  country: string;
  exp_month: number;
  exp_year: number;
  fingerprint: string;
  funding: CardDetails["funding"];
  last4: string;
  network: string;
  three_d_secure: { authentication_flow: "challenge"; result: "authenticated"; version: string } | null;
}

export interface StripeEvent {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  data: { object: ApiObject };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
}

export interface WebhookEndpoint {
  id: string;
  object: "webhook_endpoint";
  api_version: string | null;
  created: number;
  description: string | null;
  enabled_events: string[];
  livemode: false;
  metadata: Metadata;
  status: "enabled" | "disabled";
  url: string;
}

export type ApiObject = PaymentMethod | Customer | DeletedCustomer | PaymentIntent | SetupIntent | Charge;

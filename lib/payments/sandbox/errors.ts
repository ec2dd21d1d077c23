import type { PaymentError, PaymentIntent, PaymentMethod, SetupIntent } from "./types";

/** The `error` object of a Stripe error response. */
export interface StripeErrorBody {
  type: "api_error" | "card_error" | "idempotency_error" | "invalid_request_error";
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  charge?: string;
  doc_url?: string;
  payment_intent?: PaymentIntent;
  setup_intent?: SetupIntent;
  payment_method?: PaymentMethod;
}

/**
 * Thrown by handlers; the server turns it into a Stripe-shaped error response.
 * Status picks the SDK's error class (400/404 invalid request or idempotency, 401 auth,
 * 402 card error): business outcomes never use 5xx or 409, which the SDK retries.
 */
export class SandboxError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
  ) {
    super(body.message);
    this.name = "SandboxError";
  }
}

export function invalidRequest(message: string, extra: Omit<Partial<StripeErrorBody>, "type"> = {}): SandboxError {
  return new SandboxError(400, { type: "invalid_request_error", message, ...extra });
}

export function missingParam(param: string): SandboxError {
  return invalidRequest(`Missing required param: ${param}.`, { code: "parameter_missing", param });
}

/** A path resource that does not exist: 404. A bad id inside the parameters is a 400 (`param` set). */
export function noSuchObject(kind: string, id: string, param?: string): SandboxError {
  const body: StripeErrorBody = {
    type: "invalid_request_error",
    code: "resource_missing",
    message: `No such ${kind}: '${id}'`,
    ...(param ? { param } : {}),
  };
  return new SandboxError(param ? 400 : 404, body);
}

export function authenticationError(message: string): SandboxError {
  return new SandboxError(401, { type: "invalid_request_error", message });
}

export function idempotencyError(message: string): SandboxError {
  return new SandboxError(400, { type: "idempotency_error", message });
}

/** Another request with the same idempotency key is still running: the SDK retries a 409. */
export function idempotencyInFlight(): SandboxError {
  return new SandboxError(409, {
    type: "idempotency_error",
    code: "idempotency_key_in_use",
    message: "There is currently another in-progress request using this Idempotent Key. Please try again later.",
  });
}

/** A 402 card error from a payment error record (decline, authentication_required, invalid card data). */
export function cardError(error: PaymentError, subject: { payment_intent?: PaymentIntent; setup_intent?: SetupIntent } = {}): SandboxError {
  return new SandboxError(402, { ...error, type: "card_error", ...subject });
}

export function unexpectedState(kind: "PaymentIntent" | "SetupIntent", status: string, action: string): SandboxError {
  const code = kind === "PaymentIntent" ? "payment_intent_unexpected_state" : "setup_intent_unexpected_state";
  return invalidRequest(`You cannot ${action} this ${kind} because it has a status of ${status}.`, { code });
}

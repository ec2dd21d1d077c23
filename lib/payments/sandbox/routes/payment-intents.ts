import type { RequestContext } from "../context";
import { invalidRequest, missingParam, noSuchObject, unexpectedState } from "../errors";
import { newClientSecret, newId, nowSeconds } from "../ids";
import { readConfirmOptions, selectPaymentMethod } from "../intent-confirmation";
import { paginate } from "../list";
import { searchObjects } from "../search-result";
import type { SearchFieldKind } from "../search-query";
import { applyMetadata, logUnknownParams, readBoolean, readEnum, readInteger, readObject, readString, readStringList } from "../params";
import { capturePaymentIntent, confirmPaymentIntent } from "../payment-intent-flow";
import { route, type Route } from "../router";
import type { PaymentIntent } from "../types";
import { getCustomerOrThrow } from "./customers";

const MUTABLE = ["amount", "currency", "customer", "description", "metadata", "payment_method", "receipt_email", "setup_future_usage", "statement_descriptor"];
const CONFIRM_PARAMS = ["payment_method_data", "off_session", "error_on_requires_action", "return_url", "use_stripe_sdk", "mandate_data"];
const IGNORED = ["payment_method_options", "payment_method_types", "automatic_payment_methods", "shipping", "statement_descriptor_suffix"];
const CREATE_KNOWN = [...MUTABLE, ...CONFIRM_PARAMS, ...IGNORED, "confirm", "capture_method", "confirmation_method"];
const UNFINISHED = new Set(["requires_payment_method", "requires_confirmation", "requires_action"]);

export function getPaymentIntentOrThrow(ctx: RequestContext, id: string): PaymentIntent {
  const intent = ctx.state.paymentIntents.get(id);
  if (!intent) throw noSuchObject("payment_intent", id);
  return intent;
}

function readAmount(ctx: RequestContext): number | undefined {
  const amount = readInteger(ctx.params, "amount");
  if (amount === undefined) return undefined;
  if (amount < 50) throw invalidRequest("Amount must be at least 50 in the smallest currency unit (e.g. $0.50).", { code: "amount_too_small", param: "amount" });
  if (amount > 99_999_999) throw invalidRequest("Amount must be no more than 99,999,999.", { code: "amount_too_large", param: "amount" });
  return amount;
}

/** Fields `create`, `update` and `confirm` may all set. */
function applyMutableFields(ctx: RequestContext, intent: PaymentIntent): void {
  const amount = readAmount(ctx);
  if (amount !== undefined) intent.amount = amount;
  const currency = readString(ctx.params, "currency");
  if (currency) intent.currency = currency.toLowerCase();
  const customerId = readString(ctx.params, "customer");
  if (customerId !== undefined) intent.customer = customerId ? getCustomerOrThrow(ctx, customerId, "customer").id : null;
  for (const field of ["description", "receipt_email", "statement_descriptor"] as const) {
    const value = readString(ctx.params, field);
    if (value !== undefined) intent[field] = value;
  }
  const usage = readEnum(ctx.params, "setup_future_usage", ["off_session", "on_session"] as const);
  if (usage !== undefined) intent.setup_future_usage = usage;
  intent.metadata = applyMetadata(intent.metadata, ctx.params);
}

function createPaymentIntent(ctx: RequestContext): PaymentIntent {
  logUnknownParams(ctx.params, CREATE_KNOWN, "POST /v1/payment_intents", ctx.config.log);
  if (readString(ctx.params, "amount") == null) throw missingParam("amount");
  if (!readString(ctx.params, "currency")) throw missingParam("currency");
  const confirm = readBoolean(ctx.params, "confirm") ?? false;
  if (!confirm && readString(ctx.params, "off_session") != null) {
    throw invalidRequest("You may only specify `off_session` when `confirm=true`.", { param: "off_session" });
  }
  if (!confirm && readObject(ctx.params, "payment_method_data")) {
    throw invalidRequest("You may only specify `payment_method_data` when `confirm=true`.", { param: "payment_method_data" });
  }
  const id = newId("pi");
  const automatic = readObject(ctx.params, "automatic_payment_methods");
  const intent: PaymentIntent = {
    id,
    object: "payment_intent",
    amount: 0,
    amount_capturable: 0,
    amount_received: 0,
    automatic_payment_methods: automatic ? { enabled: readBoolean(automatic, "enabled") ?? false } : null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: readEnum(ctx.params, "capture_method", ["automatic", "automatic_async", "manual"] as const) ?? "automatic_async",
    client_secret: newClientSecret(id),
    confirmation_method: readEnum(ctx.params, "confirmation_method", ["automatic", "manual"] as const) ?? "automatic",
    created: nowSeconds(),
    currency: "",
    customer: null,
    description: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: {},
    next_action: null,
    payment_method: null,
    payment_method_types: readStringList(ctx.params, "payment_method_types") ?? ["card"],
    receipt_email: null,
    setup_future_usage: null,
    statement_descriptor: null,
    status: "requires_payment_method",
  };
  applyMutableFields(ctx, intent);
  const paymentMethod = selectPaymentMethod(ctx, intent, ctx.params);
  if (paymentMethod) {
    intent.payment_method = paymentMethod.id;
    intent.status = "requires_confirmation";
  }
  ctx.state.paymentIntents.add(intent);
  ctx.emit("payment_intent.created", intent);
  return confirm ? confirmPaymentIntent(ctx, intent, readConfirmOptions(ctx), null) : intent;
}

function updatePaymentIntent(ctx: RequestContext): PaymentIntent {
  logUnknownParams(ctx.params, [...MUTABLE, ...IGNORED], "POST /v1/payment_intents/:id", ctx.config.log);
  const intent = getPaymentIntentOrThrow(ctx, ctx.pathParams.id);
  if (!UNFINISHED.has(intent.status)) throw unexpectedState("PaymentIntent", intent.status, "update");
  applyMutableFields(ctx, intent);
  if (readString(ctx.params, "payment_method") !== undefined) {
    const paymentMethod = selectPaymentMethod(ctx, { payment_method: null, customer: intent.customer }, ctx.params);
    intent.payment_method = paymentMethod?.id ?? null;
    intent.next_action = null;
    intent.status = paymentMethod ? "requires_confirmation" : "requires_payment_method";
  }
  return intent;
}

function confirm(ctx: RequestContext): PaymentIntent {
  logUnknownParams(ctx.params, [...MUTABLE, ...CONFIRM_PARAMS, ...IGNORED, "save_payment_method"], "POST /v1/payment_intents/:id/confirm", ctx.config.log);
  const intent = getPaymentIntentOrThrow(ctx, ctx.pathParams.id);
  if (!UNFINISHED.has(intent.status)) throw unexpectedState("PaymentIntent", intent.status, "confirm");
  const usage = readEnum(ctx.params, "setup_future_usage", ["off_session", "on_session"] as const);
  if (usage !== undefined) intent.setup_future_usage = usage;
  const receiptEmail = readString(ctx.params, "receipt_email");
  if (receiptEmail !== undefined) intent.receipt_email = receiptEmail;
  return confirmPaymentIntent(ctx, intent, readConfirmOptions(ctx), ctx.params);
}

const CANCELLATION_REASONS = ["duplicate", "fraudulent", "requested_by_customer", "abandoned"] as const;

function cancel(ctx: RequestContext): PaymentIntent {
  const intent = getPaymentIntentOrThrow(ctx, ctx.pathParams.id);
  if (!UNFINISHED.has(intent.status) && intent.status !== "requires_capture") throw unexpectedState("PaymentIntent", intent.status, "cancel");
  intent.status = "canceled";
  intent.canceled_at = nowSeconds();
  intent.cancellation_reason = readEnum(ctx.params, "cancellation_reason", CANCELLATION_REASONS) ?? null;
  intent.next_action = null;
  intent.amount_capturable = 0;
  ctx.emit("payment_intent.canceled", intent);
  return intent;
}

function capture(ctx: RequestContext): PaymentIntent {
  const intent = getPaymentIntentOrThrow(ctx, ctx.pathParams.id);
  return capturePaymentIntent(ctx, intent, readInteger(ctx.params, "amount_to_capture"));
}

function list(ctx: RequestContext) {
  const customer = readString(ctx.params, "customer");
  const items = ctx.state.paymentIntents.newestFirst().filter((intent) => !customer || intent.customer === customer);
  return paginate(items, ctx.params, "/v1/payment_intents");
}

// The fields Stripe documents as searchable on PaymentIntents.
const SEARCH_FIELDS: Record<string, SearchFieldKind> = { amount: "number", created: "number", currency: "string", customer: "string", metadata: "metadata", status: "string" };

function search(ctx: RequestContext) {
  return searchObjects(ctx.state.paymentIntents.newestFirst(), ctx.params, "/v1/payment_intents/search", SEARCH_FIELDS, (intent, field, key) =>
    field === "metadata" ? intent.metadata[key ?? ""] : (intent[field as "amount" | "created" | "currency" | "customer" | "status"] as string | number | null),
  );
}

export const paymentIntentRoutes: Route[] = [
  route("POST", "/v1/payment_intents", createPaymentIntent),
  route("GET", "/v1/payment_intents", list),
  // Before `:id`, which would otherwise take "search" for an id.
  route("GET", "/v1/payment_intents/search", search),
  route("GET", "/v1/payment_intents/:id", (ctx) => getPaymentIntentOrThrow(ctx, ctx.pathParams.id), "client_secret"),
  route("POST", "/v1/payment_intents/:id", updatePaymentIntent),
  route("POST", "/v1/payment_intents/:id/confirm", confirm, "client_secret"),
  route("POST", "/v1/payment_intents/:id/cancel", cancel),
  route("POST", "/v1/payment_intents/:id/capture", capture),
];

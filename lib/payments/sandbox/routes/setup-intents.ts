import type { RequestContext } from "../context";
import { invalidRequest, noSuchObject, unexpectedState } from "../errors";
import { newClientSecret, newId, nowSeconds } from "../ids";
import { readConfirmOptions, selectPaymentMethod } from "../intent-confirmation";
import { paginate } from "../list";
import { applyMetadata, logUnknownParams, readBoolean, readEnum, readObject, readString, readStringList } from "../params";
import { route, type Route } from "../router";
import { confirmSetupIntent } from "../setup-intent-flow";
import type { SetupIntent } from "../types";
import { getCustomerOrThrow } from "./customers";

const MUTABLE = ["customer", "description", "metadata", "payment_method"];
const CONFIRM_PARAMS = ["payment_method_data", "return_url", "use_stripe_sdk", "mandate_data"];
const IGNORED = ["payment_method_options", "payment_method_types", "automatic_payment_methods", "single_use"];
const UNFINISHED = new Set(["requires_payment_method", "requires_confirmation", "requires_action"]);

export function getSetupIntentOrThrow(ctx: RequestContext, id: string): SetupIntent {
  const intent = ctx.state.setupIntents.get(id);
  if (!intent) throw noSuchObject("setup_intent", id);
  return intent;
}

function applyMutableFields(ctx: RequestContext, intent: SetupIntent): void {
  const customerId = readString(ctx.params, "customer");
  if (customerId !== undefined) intent.customer = customerId ? getCustomerOrThrow(ctx, customerId, "customer").id : null;
  const description = readString(ctx.params, "description");
  if (description !== undefined) intent.description = description;
  intent.metadata = applyMetadata(intent.metadata, ctx.params);
}

function createSetupIntent(ctx: RequestContext): SetupIntent {
  logUnknownParams(ctx.params, [...MUTABLE, ...CONFIRM_PARAMS, ...IGNORED, "confirm", "usage"], "POST /v1/setup_intents", ctx.config.log);
  const confirm = readBoolean(ctx.params, "confirm") ?? false;
  if (!confirm && readObject(ctx.params, "payment_method_data")) {
    throw invalidRequest("You may only specify `payment_method_data` when `confirm=true`.", { param: "payment_method_data" });
  }
  const id = newId("seti");
  const intent: SetupIntent = {
    id,
    object: "setup_intent",
    cancellation_reason: null,
    client_secret: newClientSecret(id),
    created: nowSeconds(),
    customer: null,
    description: null,
    last_setup_error: null,
    livemode: false,
    metadata: {},
    next_action: null,
    payment_method: null,
    payment_method_types: readStringList(ctx.params, "payment_method_types") ?? ["card"],
    status: "requires_payment_method",
    usage: readEnum(ctx.params, "usage", ["off_session", "on_session"] as const) ?? "off_session",
  };
  applyMutableFields(ctx, intent);
  const paymentMethod = selectPaymentMethod(ctx, intent, ctx.params);
  if (paymentMethod) {
    intent.payment_method = paymentMethod.id;
    intent.status = "requires_confirmation";
  }
  ctx.state.setupIntents.add(intent);
  ctx.emit("setup_intent.created", intent);
  return confirm ? confirmSetupIntent(ctx, intent, readConfirmOptions(ctx), null) : intent;
}

function updateSetupIntent(ctx: RequestContext): SetupIntent {
  logUnknownParams(ctx.params, [...MUTABLE, ...IGNORED], "POST /v1/setup_intents/:id", ctx.config.log);
  const intent = getSetupIntentOrThrow(ctx, ctx.pathParams.id);
  if (!UNFINISHED.has(intent.status)) throw unexpectedState("SetupIntent", intent.status, "update");
  applyMutableFields(ctx, intent);
  if (readString(ctx.params, "payment_method") !== undefined) {
    const paymentMethod = selectPaymentMethod(ctx, { payment_method: null, customer: intent.customer }, ctx.params);
    intent.payment_method = paymentMethod?.id ?? null;
    intent.next_action = null;
    intent.status = paymentMethod ? "requires_confirmation" : "requires_payment_method";
  }
  return intent;
}

function confirm(ctx: RequestContext): SetupIntent {
  logUnknownParams(ctx.params, ["payment_method", ...CONFIRM_PARAMS, ...IGNORED], "POST /v1/setup_intents/:id/confirm", ctx.config.log);
  const intent = getSetupIntentOrThrow(ctx, ctx.pathParams.id);
  return confirmSetupIntent(ctx, intent, readConfirmOptions(ctx), ctx.params);
}

function cancel(ctx: RequestContext): SetupIntent {
  const intent = getSetupIntentOrThrow(ctx, ctx.pathParams.id);
  if (!UNFINISHED.has(intent.status)) throw unexpectedState("SetupIntent", intent.status, "cancel");
  intent.status = "canceled";
  intent.cancellation_reason = readEnum(ctx.params, "cancellation_reason", ["abandoned", "duplicate", "requested_by_customer"] as const) ?? null;
  intent.next_action = null;
  ctx.emit("setup_intent.canceled", intent);
  return intent;
}

function list(ctx: RequestContext) {
  const customer = readString(ctx.params, "customer");
  const paymentMethod = readString(ctx.params, "payment_method");
  const items = ctx.state.setupIntents
    .newestFirst()
    .filter((intent) => (!customer || intent.customer === customer) && (!paymentMethod || intent.payment_method === paymentMethod));
  return paginate(items, ctx.params, "/v1/setup_intents");
}

export const setupIntentRoutes: Route[] = [
  route("POST", "/v1/setup_intents", createSetupIntent),
  route("GET", "/v1/setup_intents", list),
  route("GET", "/v1/setup_intents/:id", (ctx) => getSetupIntentOrThrow(ctx, ctx.pathParams.id), "client_secret"),
  route("POST", "/v1/setup_intents/:id", updateSetupIntent),
  route("POST", "/v1/setup_intents/:id/confirm", confirm, "client_secret"),
  route("POST", "/v1/setup_intents/:id/cancel", cancel),
];

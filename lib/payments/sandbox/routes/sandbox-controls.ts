import type { RequestContext } from "../context";
import { invalidRequest, noSuchObject } from "../errors";
import { intentIdFromClientSecret } from "../ids";
import { readBoolean, readEnum, readInteger, readString, readStringList, requireString } from "../params";
import { authenticatePaymentIntent } from "../payment-intent-flow";
import { RawReply, route, type Route } from "../router";
import { authenticateSetupIntent } from "../setup-intent-flow";
import { renderChallengePage, renderMessagePage } from "../three-ds-page";
import type { PaymentIntent, SetupIntent } from "../types";
import { addWebhookEndpoint, withoutSecret } from "./webhook-endpoints";

// Test controls that Stripe does not have (all paths under /_sandbox). Never exposed in production.
// Those acting on the whole account need the control token; the 3-D Secure ones only the intent's
// client secret, because the browser (the Stripe.js stand-in, the challenge page) calls them.

function intentForSecret(ctx: RequestContext, id: string, clientSecret: string | null | undefined): PaymentIntent | SetupIntent {
  const intent = id.startsWith("seti_") ? ctx.state.setupIntents.get(id) : ctx.state.paymentIntents.get(id);
  if (!intent) throw noSuchObject(id.startsWith("seti_") ? "setup_intent" : "payment_intent", id);
  if (!clientSecret || clientSecret !== intent.client_secret || intentIdFromClientSecret(clientSecret) !== id) {
    throw invalidRequest("The client_secret provided does not match the client_secret associated with this intent.", { param: "client_secret" });
  }
  return intent;
}

function authenticate(ctx: RequestContext, intent: PaymentIntent | SetupIntent): PaymentIntent | SetupIntent {
  const outcome = readEnum(ctx.params, "outcome", ["complete", "fail"] as const);
  if (!outcome) throw invalidRequest("Missing outcome: complete or fail.", { param: "outcome", code: "parameter_missing" });
  return intent.object === "payment_intent" ? authenticatePaymentIntent(ctx, intent, outcome) : authenticateSetupIntent(ctx, intent, outcome);
}

function authenticateRoute(ctx: RequestContext) {
  return authenticate(ctx, intentForSecret(ctx, ctx.pathParams.id, readString(ctx.params, "client_secret")));
}

function challengePage(ctx: RequestContext): RawReply {
  try {
    const intent = intentForSecret(ctx, ctx.pathParams.id, readString(ctx.params, "client_secret"));
    if (intent.status !== "requires_action") {
      return new RawReply(200, "text/html; charset=utf-8", renderMessagePage("Nothing to authenticate", `This intent is ${intent.status}.`));
    }
    const paymentMethod = intent.payment_method ? ctx.state.paymentMethods.get(intent.payment_method) : undefined;
    return new RawReply(200, "text/html; charset=utf-8", renderChallengePage(intent, paymentMethod, ctx.config.merchantName));
  } catch {
    return new RawReply(404, "text/html; charset=utf-8", renderMessagePage("Not found", "No intent matches this link."));
  }
}

/** The page's form: authenticate, then back to the merchant's `return_url` as Stripe does. */
function challengeOutcome(ctx: RequestContext): RawReply {
  const before = intentForSecret(ctx, ctx.pathParams.id, readString(ctx.params, "client_secret"));
  const returnUrl = before.next_action?.redirect_to_url?.return_url ?? null;
  const intent = authenticate(ctx, before);
  const succeeded = intent.status !== "requires_payment_method";
  if (!returnUrl) {
    const title = succeeded ? "Authentication complete" : "Authentication failed";
    return new RawReply(200, "text/html; charset=utf-8", renderMessagePage(title, "You can close this window and return to the merchant."));
  }
  const target = new URL(returnUrl);
  const kind = intent.object === "payment_intent" ? "payment_intent" : "setup_intent";
  target.searchParams.set(kind, intent.id);
  target.searchParams.set(`${kind}_client_secret`, intent.client_secret);
  target.searchParams.set("redirect_status", succeeded ? "succeeded" : "failed");
  return RawReply.redirect(target.toString());
}

function reset(ctx: RequestContext) {
  ctx.controls.reset();
  return { object: "sandbox_reset", reset: true };
}

function listDeliveries(ctx: RequestContext) {
  const eventId = readString(ctx.params, "event_id");
  const type = readString(ctx.params, "type");
  const data = ctx.controls.webhooks.list().filter((d) => (!eventId || d.event_id === eventId) && (!type || d.event_type === type));
  return { object: "list", data, has_more: false, url: "/_sandbox/webhook_deliveries" };
}

/**
 * Answers once no delivery is pending, or after `timeout_ms` (default 30 s) with `empty: false`.
 * `hurry=true` attempts waiting retries at once rather than on their schedule.
 */
async function flush(ctx: RequestContext) {
  const timeout = readInteger(ctx.params, "timeout_ms") ?? 30_000;
  const empty = await ctx.controls.webhooks.flush(timeout, readBoolean(ctx.params, "hurry") ?? false);
  return { object: "webhook_flush", empty, pending: ctx.controls.webhooks.pendingCount() };
}

/** Registers (or, for a URL already registered, updates) an endpoint with the app's own secret. */
function registerEndpoint(ctx: RequestContext) {
  const url = requireString(ctx.params, "url");
  const secret = readString(ctx.params, "secret");
  const enabledEvents = readStringList(ctx.params, "enabled_events");
  const existing = ctx.state.webhookEndpoints.newestFirst().find((endpoint) => endpoint.url === url);
  if (existing) {
    if (secret) existing.secret = secret;
    if (enabledEvents && enabledEvents.length > 0) existing.enabled_events = enabledEvents;
    return withoutSecret(existing);
  }
  // The caller chose the secret (the app's) or can read it from nowhere: it is never echoed.
  return withoutSecret(addWebhookEndpoint(ctx.state, { url, secret, enabledEvents }));
}

export const sandboxControlRoutes: Route[] = [
  route("POST", "/_sandbox/reset", reset, "control"),
  route("GET", "/_sandbox/webhook_deliveries", listDeliveries, "control"),
  route("POST", "/_sandbox/webhooks/flush", flush, "control"),
  route("POST", "/_sandbox/webhook_endpoints", registerEndpoint, "control"),
  route("POST", "/_sandbox/payment_intents/:id/authenticate", authenticateRoute, "none"),
  route("POST", "/_sandbox/setup_intents/:id/authenticate", authenticateRoute, "none"),
  route("GET", "/_sandbox/3ds/:id", challengePage, "none"),
  route("POST", "/_sandbox/3ds/:id", challengeOutcome, "none"),
];

import { attachPaymentMethod } from "../attach-payment-method";
import type { RequestContext } from "../context";
import { invalidRequest } from "../errors";
import type { Params } from "../form-body";
import { paginate } from "../list";
import { applyMetadata, logUnknownParams, readInteger, readObject, readString, requireString } from "../params";
import { createCardPaymentMethod, readBillingDetails, resolvePaymentMethod } from "../payment-methods";
import { route, type Route } from "../router";
import type { BillingDetails, PaymentMethod } from "../types";
import { getCustomerOrThrow } from "./customers";

function createPaymentMethod(ctx: RequestContext): PaymentMethod {
  logUnknownParams(ctx.params, ["type", "card", "billing_details", "metadata", "allow_redisplay"], "POST /v1/payment_methods", ctx.config.log);
  return createCardPaymentMethod(ctx, ctx.params);
}

function retrievePaymentMethod(ctx: RequestContext): PaymentMethod {
  return resolvePaymentMethod(ctx, ctx.pathParams.id);
}

const ADDRESS_KEYS = ["city", "country", "line1", "line2", "postal_code", "state"] as const;

/** Only the fields given change; an empty value clears one. */
function mergeBillingDetails(current: BillingDetails, given: Params | null | undefined): BillingDetails {
  if (!given) return current;
  const parsed = readBillingDetails(given);
  const address = readObject(given, "address");
  const next = structuredClone(current);
  for (const key of ["email", "name", "phone"] as const) if (given[key] !== undefined) next[key] = parsed[key];
  if (address) for (const key of ADDRESS_KEYS) if (address[key] !== undefined) next.address[key] = parsed.address[key];
  return next;
}

function updatePaymentMethod(ctx: RequestContext): PaymentMethod {
  logUnknownParams(ctx.params, ["billing_details", "card", "metadata", "allow_redisplay"], "POST /v1/payment_methods/:id", ctx.config.log);
  const paymentMethod = resolvePaymentMethod(ctx, ctx.pathParams.id);
  const card = readObject(ctx.params, "card");
  if (card) {
    const month = readInteger(card, "exp_month");
    const year = readInteger(card, "exp_year");
    if (month !== undefined && (month < 1 || month > 12)) throw invalidRequest("Invalid card[exp_month].", { param: "card[exp_month]" });
    if (month !== undefined) paymentMethod.card.exp_month = month;
    if (year !== undefined) paymentMethod.card.exp_year = year < 100 ? 2000 + year : year;
  }
  paymentMethod.billing_details = mergeBillingDetails(paymentMethod.billing_details, readObject(ctx.params, "billing_details"));
  paymentMethod.metadata = applyMetadata(paymentMethod.metadata, ctx.params);
  ctx.emit("payment_method.updated", paymentMethod);
  return paymentMethod;
}

function listPaymentMethods(ctx: RequestContext) {
  const customerId = readString(ctx.params, "customer");
  if (customerId) getCustomerOrThrow(ctx, customerId, "customer");
  const type = readString(ctx.params, "type");
  const items = ctx.state.paymentMethods
    .newestFirst()
    .filter((pm) => (!customerId || pm.customer === customerId) && (!type || pm.type === type));
  return paginate(items, ctx.params, "/v1/payment_methods");
}

function attach(ctx: RequestContext): PaymentMethod {
  const customer = getCustomerOrThrow(ctx, requireString(ctx.params, "customer"), "customer");
  return attachPaymentMethod(ctx, resolvePaymentMethod(ctx, ctx.pathParams.id), customer.id, true);
}

/** A detached payment method can never be used again (Stripe's rule); a customer default naming it is cleared. */
function detach(ctx: RequestContext): PaymentMethod {
  const paymentMethod = resolvePaymentMethod(ctx, ctx.pathParams.id);
  if (!paymentMethod.customer) {
    throw invalidRequest("The payment method you provided is not attached to a customer so detachment is impossible.", {
      param: "payment_method",
    });
  }
  const customer = ctx.state.customers.get(paymentMethod.customer);
  if (customer && customer.invoice_settings.default_payment_method === paymentMethod.id) {
    customer.invoice_settings.default_payment_method = null;
    ctx.emit("customer.updated", customer);
  }
  paymentMethod.customer = null;
  const secret = ctx.state.cardSecrets.get(paymentMethod.id);
  if (secret) secret.consumed = true;
  ctx.emit("payment_method.detached", paymentMethod);
  return paymentMethod;
}

export const paymentMethodRoutes: Route[] = [
  route("POST", "/v1/payment_methods", createPaymentMethod, "publishable"),
  route("GET", "/v1/payment_methods", listPaymentMethods),
  route("GET", "/v1/payment_methods/:id", retrievePaymentMethod),
  route("POST", "/v1/payment_methods/:id", updatePaymentMethod),
  route("POST", "/v1/payment_methods/:id/attach", attach),
  route("POST", "/v1/payment_methods/:id/detach", detach),
];

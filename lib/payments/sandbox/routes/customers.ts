import { assertAttachable, attachPaymentMethod } from "../attach-payment-method";
import type { RequestContext } from "../context";
import { invalidRequest, noSuchObject } from "../errors";
import { newId, nowSeconds, randomToken } from "../ids";
import { paginate } from "../list";
import { applyMetadata, logUnknownParams, readObject, readString } from "../params";
import { resolvePaymentMethod } from "../payment-methods";
import { route, type Route } from "../router";
import type { Customer, DeletedCustomer } from "../types";

const FIELDS = ["email", "name", "description", "phone"] as const;
const KNOWN = [...FIELDS, "metadata", "invoice_settings", "payment_method", "address", "preferred_locales"];

/** The live customer `id` names; `param` set → a 400 naming that parameter, else a 404. */
export function getCustomerOrThrow(ctx: RequestContext, id: string, param?: string): Customer {
  const customer = ctx.state.customers.get(id);
  if (!customer) throw noSuchObject("customer", id, param);
  return customer;
}

function applyFields(ctx: RequestContext, customer: Customer): void {
  for (const field of FIELDS) {
    const value = readString(ctx.params, field);
    if (value !== undefined) customer[field] = value;
  }
  customer.metadata = applyMetadata(customer.metadata, ctx.params);
}

/** `invoice_settings[default_payment_method]`: an id, null ("" unsets it), or undefined (not given). */
function readDefaultPaymentMethod(ctx: RequestContext): string | null | undefined {
  const settings = readObject(ctx.params, "invoice_settings");
  return settings ? readString(settings, "default_payment_method") : undefined;
}

/** The default payment method must be a card attached to this customer (or being attached with it). */
function assertDefaultAllowed(ctx: RequestContext, customerId: string, id: string, attaching: string | null): void {
  const paymentMethod = ctx.state.paymentMethods.get(id);
  if (paymentMethod && (paymentMethod.customer === customerId || paymentMethod.id === attaching)) return;
  throw invalidRequest(`No such PaymentMethod: '${id}'; it must be attached to customer '${customerId}' to be its default.`, {
    code: "resource_missing",
    param: "invoice_settings[default_payment_method]",
  });
}

function createCustomer(ctx: RequestContext): Customer {
  logUnknownParams(ctx.params, KNOWN, "POST /v1/customers", ctx.config.log);
  const customer: Customer = {
    id: newId("cus"),
    object: "customer",
    address: null,
    balance: 0,
    created: nowSeconds(),
    currency: null,
    default_source: null,
    delinquent: false,
    description: null,
    email: null,
    invoice_prefix: randomToken(8).toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: {},
    name: null,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: "none",
    test_clock: null,
  };
  applyFields(ctx, customer);
  const paymentMethodId = readString(ctx.params, "payment_method");
  const paymentMethod = paymentMethodId ? resolvePaymentMethod(ctx, paymentMethodId, "payment_method") : null;
  if (paymentMethod) assertAttachable(ctx, paymentMethod, customer.id, true);
  const defaultId = readDefaultPaymentMethod(ctx);
  if (defaultId) assertDefaultAllowed(ctx, customer.id, defaultId, paymentMethod?.id ?? null);
  customer.invoice_settings.default_payment_method = defaultId ?? null;
  ctx.state.customers.add(customer);
  ctx.emit("customer.created", customer);
  if (paymentMethod) attachPaymentMethod(ctx, paymentMethod, customer.id, true);
  return customer;
}

function retrieveCustomer(ctx: RequestContext): Customer | DeletedCustomer {
  const { id } = ctx.pathParams;
  if (ctx.state.deletedCustomers.has(id)) return { id, object: "customer", deleted: true };
  return getCustomerOrThrow(ctx, id);
}

function updateCustomer(ctx: RequestContext): Customer {
  logUnknownParams(ctx.params, KNOWN, "POST /v1/customers/:id", ctx.config.log);
  const customer = getCustomerOrThrow(ctx, ctx.pathParams.id);
  const defaultId = readDefaultPaymentMethod(ctx);
  if (defaultId) assertDefaultAllowed(ctx, customer.id, defaultId, null);
  applyFields(ctx, customer);
  if (defaultId !== undefined) customer.invoice_settings.default_payment_method = defaultId;
  ctx.emit("customer.updated", customer);
  return customer;
}

/** Deleting a customer detaches its payment methods, which can then never be used again. */
function deleteCustomer(ctx: RequestContext): DeletedCustomer {
  const customer = getCustomerOrThrow(ctx, ctx.pathParams.id);
  for (const paymentMethod of ctx.state.paymentMethods.newestFirst()) {
    if (paymentMethod.customer !== customer.id) continue;
    paymentMethod.customer = null;
    const secret = ctx.state.cardSecrets.get(paymentMethod.id);
    if (secret) secret.consumed = true;
  }
  ctx.state.customers.delete(customer.id);
  ctx.state.deletedCustomers.add(customer.id);
  ctx.emit("customer.deleted", customer);
  return { id: customer.id, object: "customer", deleted: true };
}

function listCustomers(ctx: RequestContext) {
  const email = readString(ctx.params, "email");
  const customers = ctx.state.customers.newestFirst().filter((customer) => !email || customer.email === email);
  return paginate(customers, ctx.params, "/v1/customers");
}

function listCustomerPaymentMethods(ctx: RequestContext) {
  const customer = getCustomerOrThrow(ctx, ctx.pathParams.id);
  const type = readString(ctx.params, "type");
  const items = ctx.state.paymentMethods.newestFirst().filter((pm) => pm.customer === customer.id && (!type || pm.type === type));
  return paginate(items, ctx.params, `/v1/customers/${customer.id}/payment_methods`);
}

function retrieveCustomerPaymentMethod(ctx: RequestContext) {
  const customer = getCustomerOrThrow(ctx, ctx.pathParams.id);
  const paymentMethod = ctx.state.paymentMethods.get(ctx.pathParams.pm);
  if (!paymentMethod || paymentMethod.customer !== customer.id) throw noSuchObject("PaymentMethod", ctx.pathParams.pm);
  return paymentMethod;
}

export const customerRoutes: Route[] = [
  route("POST", "/v1/customers", createCustomer),
  route("GET", "/v1/customers", listCustomers),
  route("GET", "/v1/customers/:id", retrieveCustomer),
  route("POST", "/v1/customers/:id", updateCustomer),
  route("DELETE", "/v1/customers/:id", deleteCustomer),
  route("GET", "/v1/customers/:id/payment_methods", listCustomerPaymentMethods),
  route("GET", "/v1/customers/:id/payment_methods/:pm", retrieveCustomerPaymentMethod),
];

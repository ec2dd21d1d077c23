import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { caught, HARNESS_PUBLISHABLE_KEY, type SandboxHarness, startHarness } from "./test-support";

let h: SandboxHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.sandbox.close());
beforeEach(() => h.control("POST", "/_sandbox/reset"));

describe("customers and payment methods", () => {
  it("creates, retrieves, updates, lists by email and deletes a customer", async () => {
    const created = await h.stripe.customers.create({ email: "ada@example.com", name: "Ada", metadata: { workspace: "w1" } });
    expect(created).toMatchObject({ object: "customer", email: "ada@example.com", livemode: false, metadata: { workspace: "w1" } });
    expect(created.id).toMatch(/^cus_/);
    expect(created.lastResponse.headers["request-id"]).toMatch(/^req_/);
    await h.stripe.customers.create({ email: "other@example.com" });

    const updated = await h.stripe.customers.update(created.id, { name: "Ada L.", metadata: { workspace: "" } });
    expect(updated).toMatchObject({ name: "Ada L.", metadata: {} });
    const byEmail = await h.stripe.customers.list({ email: "ada@example.com" });
    expect(byEmail.data.map((c) => c.id)).toEqual([created.id]);
    expect(byEmail).toMatchObject({ object: "list", has_more: false, url: "/v1/customers" });

    const deleted = await h.stripe.customers.del(created.id);
    expect(deleted).toMatchObject({ id: created.id, deleted: true });
    expect(await h.stripe.customers.retrieve(created.id)).toMatchObject({ deleted: true });
  });

  it("sets a default payment method only when it is a card attached to that customer", async () => {
    const customer = await h.stripe.customers.create({ email: "b@example.com" });
    const other = await h.stripe.customers.create({ email: "c@example.com" });
    const pm = await h.stripe.paymentMethods.create({ type: "card", card: { number: "4242424242424242", exp_month: 12, exp_year: 2040, cvc: "123" } });
    expect(pm.card).toMatchObject({ brand: "visa", last4: "4242", exp_month: 12, exp_year: 2040, funding: "credit", country: "US" });
    expect(JSON.stringify(pm)).not.toContain("4242424242424242");

    const notAttached = await caught(h.stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: pm.id } }));
    expect(notAttached).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(notAttached.statusCode).toBe(400);
    expect(notAttached.param).toBe("invoice_settings[default_payment_method]");

    await h.stripe.paymentMethods.attach(pm.id, { customer: customer.id });
    const elsewhere = await caught(h.stripe.customers.update(other.id, { invoice_settings: { default_payment_method: pm.id } }));
    expect(elsewhere.statusCode).toBe(400);

    const withDefault = await h.stripe.customers.update(customer.id, {
      invoice_settings: { default_payment_method: pm.id },
      expand: ["invoice_settings.default_payment_method"],
    });
    expect((withDefault.invoice_settings.default_payment_method as Stripe.PaymentMethod).card?.last4).toBe("4242");

    const cleared = await h.stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: "" } });
    expect(cleared.invoice_settings.default_payment_method).toBeNull();
  });

  it("lists a customer's payment methods, detaches, and clears a detached default", async () => {
    const customer = await h.stripe.customers.create({});
    const visa = await h.stripe.paymentMethods.attach("pm_card_visa", { customer: customer.id });
    const mastercard = await h.stripe.paymentMethods.attach("pm_card_mastercard", { customer: customer.id });
    expect(visa.id).not.toBe("pm_card_visa");
    await h.stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: visa.id } });

    const listed = await h.stripe.customers.listPaymentMethods(customer.id, { type: "card" });
    expect(listed.data.map((pm) => pm.id)).toEqual([mastercard.id, visa.id]);
    const viaPaymentMethods = await h.stripe.paymentMethods.list({ customer: customer.id, type: "card" });
    expect(viaPaymentMethods.data).toHaveLength(2);

    await h.stripe.paymentMethods.detach(visa.id);
    expect((await h.stripe.customers.retrieve(customer.id)) as Stripe.Customer).toMatchObject({ invoice_settings: { default_payment_method: null } });
    expect((await h.stripe.customers.listPaymentMethods(customer.id)).data.map((pm) => pm.id)).toEqual([mastercard.id]);
  });

  it("refuses to attach a card the issuer declines, with that decline", async () => {
    const customer = await h.stripe.customers.create({});
    const error = await caught(h.stripe.paymentMethods.attach("pm_card_visa_chargeDeclinedInsufficientFunds", { customer: customer.id }));
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error).toMatchObject({ code: "card_declined", decline_code: "insufficient_funds", statusCode: 402 });
    expect(error.headers?.["stripe-should-retry"]).toBe("false");
  });

  it("creates a customer with a card and that card as default, or not at all when the card is declined", async () => {
    const pm = await h.stripe.paymentMethods.create({ type: "card", card: { number: "5555555555554444", exp_month: 1, exp_year: 2041 } });
    const customer = await h.stripe.customers.create({ payment_method: pm.id, invoice_settings: { default_payment_method: pm.id } });
    expect(customer.invoice_settings.default_payment_method).toBe(pm.id);
    expect((await h.stripe.paymentMethods.retrieve(pm.id)).customer).toBe(customer.id);

    const declined = await caught(h.stripe.customers.create({ email: "declined@example.com", payment_method: "pm_card_visa_chargeDeclined" }));
    expect(declined.statusCode).toBe(402);
    expect((await h.stripe.customers.list({ email: "declined@example.com" })).data).toHaveLength(0);
  });

  it("attaches pm_card_chargeCustomerFail (its charges fail later)", async () => {
    const customer = await h.stripe.customers.create({});
    const pm = await h.stripe.paymentMethods.attach("pm_card_chargeCustomerFail", { customer: customer.id });
    expect(pm.customer).toBe(customer.id);
  });

  it("rejects malformed card data as card errors and unknown objects as 404", async () => {
    const luhn = await caught(h.stripe.paymentMethods.create({ type: "card", card: { number: "4242424242424241", exp_month: 1, exp_year: 2040 } }));
    expect(luhn).toMatchObject({ type: "StripeCardError", code: "incorrect_number" });
    const expired = await caught(h.stripe.paymentMethods.create({ type: "card", card: { number: "4242424242424242", exp_month: 1, exp_year: 2001 } }));
    expect(expired.code).toBe("invalid_expiry_year");
    const missing = await caught(h.stripe.customers.retrieve("cus_missing"));
    expect(missing).toMatchObject({ type: "StripeInvalidRequestError", statusCode: 404, code: "resource_missing" });
  });

  it("paginates newest first with limit, starting_after and ending_before", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.unshift((await h.stripe.customers.create({ email: `p${i}@example.com` })).id);
    const first = await h.stripe.customers.list({ limit: 2 });
    expect(first.data.map((c) => c.id)).toEqual(ids.slice(0, 2));
    expect(first.has_more).toBe(true);
    const second = await h.stripe.customers.list({ limit: 2, starting_after: first.data[1].id });
    expect(second.data.map((c) => c.id)).toEqual(ids.slice(2, 4));
    const back = await h.stripe.customers.list({ limit: 2, ending_before: second.data[0].id });
    expect(back.data.map((c) => c.id)).toEqual(ids.slice(0, 2));
    const all: string[] = [];
    for await (const customer of h.stripe.customers.list({ limit: 2 })) all.push(customer.id);
    expect(all).toEqual(ids);
    expect((await h.stripe.customers.list()).data).toHaveLength(5);
  });

  it("requires a test secret key; a publishable key cannot read customers", async () => {
    const anonymous = await fetch(`${h.sandbox.url}/v1/customers`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("request-id")).toMatch(/^req_/);
    const publishable = new Stripe(HARNESS_PUBLISHABLE_KEY, { host: "127.0.0.1", port: h.sandbox.port, protocol: "http" });
    expect(await caught(publishable.customers.list())).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });

  it("answers CORS preflights for the app's origin", async () => {
    const response = await fetch(`${h.sandbox.url}/v1/payment_methods`, {
      method: "OPTIONS",
      headers: { Origin: "http://localhost:3000", "Access-Control-Request-Method": "POST" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    expect(response.headers.get("access-control-allow-methods")).toBe("GET, POST, DELETE, OPTIONS");
  });
});

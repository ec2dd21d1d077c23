import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { caught, HARNESS_PUBLISHABLE_KEY, type SandboxHarness, startHarness } from "./test-support";

let h: SandboxHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.sandbox.close());
beforeEach(() => h.control("POST", "/_sandbox/reset"));

const pay = (paymentMethod: string, extra: Partial<Stripe.PaymentIntentCreateParams> = {}) =>
  h.stripe.paymentIntents.create({ amount: 1200, currency: "usd", payment_method: paymentMethod, confirm: true, ...extra });

const authenticate = (intent: Stripe.PaymentIntent, outcome: "complete" | "fail") =>
  h.control("POST", `/_sandbox/payment_intents/${intent.id}/authenticate`, { client_secret: intent.client_secret ?? "", outcome });

async function eventTypes(): Promise<string[]> {
  return (await h.stripe.events.list({ limit: 100 })).data.map((event) => event.type).reverse();
}

describe("payment intents: the state machine", () => {
  it("moves requires_payment_method → requires_confirmation → succeeded", async () => {
    const created = await h.stripe.paymentIntents.create({ amount: 1200, currency: "usd" });
    expect(created).toMatchObject({ status: "requires_payment_method", amount_received: 0, livemode: false, payment_method: null });
    expect(created.client_secret).toMatch(new RegExp(`^${created.id}_secret_`));
    const missing = await caught(h.stripe.paymentIntents.confirm(created.id));
    expect(missing).toMatchObject({ statusCode: 400, code: "payment_intent_unexpected_state" });

    const updated = await h.stripe.paymentIntents.update(created.id, { payment_method: "pm_card_visa", metadata: { purchase: "p1" } });
    expect(updated.status).toBe("requires_confirmation");
    const confirmed = await h.stripe.paymentIntents.confirm(created.id, { expand: ["latest_charge"] });
    expect(confirmed).toMatchObject({ status: "succeeded", amount_received: 1200, metadata: { purchase: "p1" } });
    expect(confirmed.latest_charge as Stripe.Charge).toMatchObject({ object: "charge", status: "succeeded", paid: true, amount: 1200 });

    const again = await caught(h.stripe.paymentIntents.confirm(created.id));
    expect(again).toMatchObject({ statusCode: 400, code: "payment_intent_unexpected_state" });
    expect(await eventTypes()).toEqual(["payment_intent.created", "charge.succeeded", "payment_intent.succeeded"]);
  });

  it.each(["pm_card_visa", "pm_card_mastercard", "pm_card_amex", "pm_card_threeDSecureOptional"])("%s succeeds without a challenge", async (card) => {
    expect((await pay(card)).status).toBe("succeeded");
  });

  it.each([
    ["pm_card_visa_chargeDeclined", "card_declined", "generic_decline"],
    ["pm_card_visa_chargeDeclinedInsufficientFunds", "card_declined", "insufficient_funds"],
    ["pm_card_visa_chargeDeclinedLostCard", "card_declined", "lost_card"],
    ["pm_card_visa_chargeDeclinedStolenCard", "card_declined", "stolen_card"],
    ["pm_card_chargeDeclinedExpiredCard", "expired_card", "expired_card"],
    ["pm_card_chargeDeclinedIncorrectCvc", "incorrect_cvc", "incorrect_cvc"],
    ["pm_card_chargeDeclinedProcessingError", "processing_error", "processing_error"],
    ["pm_card_chargeCustomerFail", "card_declined", "generic_decline"],
  ])("%s is declined: 402 %s / %s", async (card, code, declineCode) => {
    const error = await caught(pay(card));
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error).toMatchObject({ statusCode: 402, code, decline_code: declineCode });
    const intent = (error as Stripe.errors.StripeCardError).payment_intent;
    expect(intent).toMatchObject({ status: "requires_payment_method", payment_method: null });
    expect(intent?.last_payment_error).toMatchObject({ type: "card_error", code, decline_code: declineCode });
    expect(intent?.last_payment_error?.payment_method?.id).toMatch(/^pm_/);
    const charge = await h.stripe.charges.retrieve(intent?.latest_charge as string);
    expect(charge).toMatchObject({ status: "failed", failure_code: code, outcome: { reason: declineCode } });
    expect(await eventTypes()).toEqual(["payment_intent.created", "charge.failed", "payment_intent.payment_failed"]);
  });

  it("challenges a 3-D Secure card on-session; completing it succeeds", async () => {
    const intent = await pay("pm_card_authenticationRequired");
    expect(intent.status).toBe("requires_action");
    expect(intent.next_action?.type).toBe("use_stripe_sdk");
    const done = await authenticate(intent, "complete");
    expect(done).toMatchObject({ status: 200, body: { status: "succeeded", amount_received: 1200 } });
    const charge = await h.stripe.charges.retrieve((await h.stripe.paymentIntents.retrieve(intent.id)).latest_charge as string);
    expect(charge.payment_method_details?.card?.three_d_secure).toMatchObject({ result: "authenticated" });
    expect(await eventTypes()).toEqual(["payment_intent.created", "payment_intent.requires_action", "charge.succeeded", "payment_intent.succeeded"]);
  });

  it("failing the challenge returns to requires_payment_method with payment_intent_authentication_failure", async () => {
    const intent = await pay("pm_card_threeDSecure2Required");
    const failed = await authenticate(intent, "fail");
    expect(failed.body).toMatchObject({
      status: "requires_payment_method",
      last_payment_error: { code: "payment_intent_authentication_failure" },
    });
    expect(await eventTypes()).toContain("payment_intent.payment_failed");
    const wrongSecret = await h.control("POST", `/_sandbox/payment_intents/${intent.id}/authenticate`, { client_secret: "nope", outcome: "complete" });
    expect(wrongSecret.status).toBe(400);
  });

  it.each([
    ["pm_card_authenticationRequiredChargeDeclinedInsufficientFunds", "insufficient_funds"],
    ["pm_card_threeDSecureRequiredChargeDeclined", "generic_decline"],
  ])("%s: challenge, then declined (%s)", async (card, declineCode) => {
    const intent = await pay(card);
    expect(intent.status).toBe("requires_action");
    const after = await authenticate(intent, "complete");
    expect(after.body).toMatchObject({ status: "requires_payment_method", last_payment_error: { decline_code: declineCode } });
  });

  it("uses redirect_to_url when a return_url is given without use_stripe_sdk", async () => {
    const intent = await pay("pm_card_authenticationRequired", { return_url: "http://localhost:3000/billing/return" });
    expect(intent.next_action).toMatchObject({ type: "redirect_to_url", redirect_to_url: { return_url: "http://localhost:3000/billing/return" } });
    const page = await fetch(intent.next_action?.redirect_to_url?.url ?? "");
    const html = await page.text();
    expect(html).toContain("Complete authentication");
    expect(html).toContain("$12.00");
    const form = new URLSearchParams({ client_secret: intent.client_secret ?? "", outcome: "complete" });
    const posted = await fetch(intent.next_action?.redirect_to_url?.url ?? "", { method: "POST", body: form, redirect: "manual" });
    expect(posted.status).toBe(303);
    const location = new URL(posted.headers.get("location") ?? "");
    expect(location.searchParams.get("payment_intent")).toBe(intent.id);
    expect(location.searchParams.get("redirect_status")).toBe("succeeded");
  });

  it("off-session, a card that needs authentication fails with authentication_required", async () => {
    const customer = await h.stripe.customers.create({});
    const pm = await h.stripe.paymentMethods.attach("pm_card_authenticationRequired", { customer: customer.id });
    const error = await caught(pay(pm.id, { customer: customer.id, off_session: true }));
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error).toMatchObject({ code: "authentication_required", decline_code: "authentication_required" });
    const intent = (error as Stripe.errors.StripeCardError).payment_intent;
    expect(intent?.status).toBe("requires_payment_method");
    expect(intent?.last_payment_error?.payment_method?.id).toBe(pm.id);

    // Recovery: the customer confirms on-session with that card.
    const recovering = await h.stripe.paymentIntents.confirm(intent?.id ?? "", { payment_method: pm.id });
    expect(recovering.status).toBe("requires_action");
    expect((await authenticate(recovering, "complete")).body).toMatchObject({ status: "succeeded" });
  });

  it("error_on_requires_action fails on-session too", async () => {
    const error = await caught(pay("pm_card_authenticationRequired", { error_on_requires_action: true }));
    expect(error.code).toBe("authentication_required");
  });

  it("the OnSetup card needs authentication off-session until it is set up, then succeeds", async () => {
    const customer = await h.stripe.customers.create({});
    const pm = await h.stripe.paymentMethods.attach("pm_card_authenticationRequiredOnSetup", { customer: customer.id });
    expect((await caught(pay(pm.id, { customer: customer.id, off_session: true }))).code).toBe("authentication_required");

    const setup = await h.stripe.setupIntents.create({ customer: customer.id, payment_method: pm.id, confirm: true });
    expect(setup.status).toBe("requires_action");
    const done = await h.control("POST", `/_sandbox/setup_intents/${setup.id}/authenticate`, { client_secret: setup.client_secret ?? "", outcome: "complete" });
    expect(done.body).toMatchObject({ status: "succeeded" });

    expect((await pay(pm.id, { customer: customer.id, off_session: true })).status).toBe("succeeded");
    expect((await pay(pm.id, { customer: customer.id })).status).toBe("requires_action");
  });

  it("pm_card_authenticationRequiredSetupForOffSession: challenged on-session, frictionless off-session", async () => {
    const customer = await h.stripe.customers.create({});
    const pm = await h.stripe.paymentMethods.attach("pm_card_authenticationRequiredSetupForOffSession", { customer: customer.id });
    expect((await pay(pm.id, { customer: customer.id })).status).toBe("requires_action");
    expect((await pay(pm.id, { customer: customer.id, off_session: true })).status).toBe("succeeded");
  });

  it("setup_future_usage with a customer attaches the card and marks it set up", async () => {
    const customer = await h.stripe.customers.create({});
    const intent = await pay("pm_card_authenticationRequiredOnSetup", { customer: customer.id, setup_future_usage: "off_session" });
    expect(intent.status).toBe("requires_action");
    await authenticate(intent, "complete");
    const saved = await h.stripe.customers.listPaymentMethods(customer.id);
    expect(saved.data).toHaveLength(1);
    expect((await pay(saved.data[0].id, { customer: customer.id, off_session: true })).status).toBe("succeeded");
    expect(await eventTypes()).toContain("payment_method.attached");
  });

  it("a payment method used without a customer cannot be reused", async () => {
    const first = await pay("pm_card_visa");
    const reuse = await caught(pay(first.payment_method as string));
    expect(reuse.statusCode).toBe(400);
  });

  it("manual capture: requires_capture, then capture succeeds", async () => {
    const intent = await pay("pm_card_visa", { capture_method: "manual" });
    expect(intent).toMatchObject({ status: "requires_capture", amount_capturable: 1200, amount_received: 0 });
    const captured = await h.stripe.paymentIntents.capture(intent.id);
    expect(captured).toMatchObject({ status: "succeeded", amount_received: 1200, amount_capturable: 0 });
  });

  it("cancels an unfinished intent and refuses to cancel a succeeded one", async () => {
    const open = await h.stripe.paymentIntents.create({ amount: 500, currency: "eur" });
    expect(await h.stripe.paymentIntents.cancel(open.id, { cancellation_reason: "abandoned" })).toMatchObject({
      status: "canceled",
      cancellation_reason: "abandoned",
    });
    const done = await pay("pm_card_visa");
    expect((await caught(h.stripe.paymentIntents.cancel(done.id))).statusCode).toBe(400);
    expect(await eventTypes()).toContain("payment_intent.canceled");
  });

  it("lists intents by customer and expands payment_method and customer", async () => {
    const customer = await h.stripe.customers.create({ email: "list@example.com" });
    await pay("pm_card_visa", { customer: customer.id });
    await pay("pm_card_visa");
    const listed = await h.stripe.paymentIntents.list({ customer: customer.id, expand: ["data.customer", "data.payment_method"] });
    expect(listed.data).toHaveLength(1);
    expect((listed.data[0].customer as Stripe.Customer).email).toBe("list@example.com");
    expect((listed.data[0].payment_method as Stripe.PaymentMethod).card?.last4).toBe("4242");
  });

  it("a browser may confirm and retrieve with the publishable key only with the client secret", async () => {
    const intent = await h.stripe.paymentIntents.create({ amount: 900, currency: "usd" });
    const browserConfirm = (clientSecret: string) =>
      fetch(`${h.sandbox.url}/v1/payment_intents/${intent.id}/confirm`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost:3000" },
        body: new URLSearchParams({
          key: HARNESS_PUBLISHABLE_KEY,
          client_secret: clientSecret,
          use_stripe_sdk: "true",
          "payment_method_data[type]": "card",
          "payment_method_data[card][number]": "4242424242424242",
          "payment_method_data[card][exp_month]": "12",
          "payment_method_data[card][exp_year]": "2040",
          "payment_method_data[card][cvc]": "123",
        }),
      });
    expect((await browserConfirm("pi_wrong_secret_x")).status).toBe(400);
    const ok = await browserConfirm(intent.client_secret ?? "");
    expect(ok.status).toBe(200);
    expect(ok.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    expect(await ok.json()).toMatchObject({ status: "succeeded" });
    const retrieved = await fetch(`${h.sandbox.url}/v1/payment_intents/${intent.id}?key=${HARNESS_PUBLISHABLE_KEY}&client_secret=${intent.client_secret}`);
    expect(retrieved.status).toBe(200);
    const withoutSecret = await fetch(`${h.sandbox.url}/v1/payment_intents/${intent.id}?key=${HARNESS_PUBLISHABLE_KEY}`);
    expect(withoutSecret.status).toBe(400);
  });
});

describe("setup intents", () => {
  it("saves a card without charging: attaches it and marks it set up", async () => {
    const customer = await h.stripe.customers.create({});
    const setup = await h.stripe.setupIntents.create({ customer: customer.id, payment_method: "pm_card_visa", confirm: true });
    expect(setup).toMatchObject({ status: "succeeded", usage: "off_session" });
    expect((await h.stripe.paymentMethods.retrieve(setup.payment_method as string)).customer).toBe(customer.id);
    expect((await h.stripe.charges.list()).data).toHaveLength(0);
    expect(await eventTypes()).toEqual(["customer.created", "setup_intent.created", "payment_method.attached", "setup_intent.succeeded"]);
  });

  it("a declined setup returns to requires_payment_method (never canceled) with a 402", async () => {
    const setup = await h.stripe.setupIntents.create({});
    const error = await caught(h.stripe.setupIntents.confirm(setup.id, { payment_method: "pm_card_visa_chargeDeclined" }));
    expect(error).toMatchObject({ type: "StripeCardError", code: "card_declined", decline_code: "generic_decline" });
    const after = await h.stripe.setupIntents.retrieve(setup.id);
    expect(after).toMatchObject({ status: "requires_payment_method", last_setup_error: { code: "card_declined" } });
  });

  it("failing the setup challenge sets setup_intent_authentication_failure", async () => {
    const setup = await h.stripe.setupIntents.create({ payment_method: "pm_card_authenticationRequired", confirm: true });
    expect(setup.status).toBe("requires_action");
    const failed = await h.control("POST", `/_sandbox/setup_intents/${setup.id}/authenticate`, { client_secret: setup.client_secret ?? "", outcome: "fail" });
    expect(failed.body).toMatchObject({ status: "requires_payment_method", last_setup_error: { code: "setup_intent_authentication_failure" } });
  });
});

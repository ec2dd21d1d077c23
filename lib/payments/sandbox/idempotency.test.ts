import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SandboxError } from "./errors";
import { IdempotencyStore } from "./idempotency";
import { caught, HARNESS_SECRET_KEY, type SandboxHarness, startHarness } from "./test-support";

let h: SandboxHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.sandbox.close());
beforeEach(() => h.control("POST", "/_sandbox/reset"));

const params: Stripe.PaymentIntentCreateParams = { amount: 2500, currency: "usd", payment_method: "pm_card_visa", confirm: true };

describe("idempotent requests", () => {
  it("replays the stored response with Idempotent-Replayed and no new events or charges", async () => {
    const first = await h.stripe.paymentIntents.create(params, { idempotencyKey: "purchase-1" });
    const eventsBefore = (await h.stripe.events.list()).data.length;
    const second = await h.stripe.paymentIntents.create(params, { idempotencyKey: "purchase-1" });
    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers["idempotent-replayed"]).toBe("true");
    expect(first.lastResponse.headers["idempotent-replayed"]).toBeUndefined();
    expect((await h.stripe.events.list()).data).toHaveLength(eventsBefore);
    expect((await h.stripe.charges.list()).data).toHaveLength(1);
    expect((await h.stripe.paymentIntents.list()).data).toHaveLength(1);
  });

  it("replays a card error too", async () => {
    const declined = { ...params, payment_method: "pm_card_visa_chargeDeclined" };
    const first = await caught(h.stripe.paymentIntents.create(declined, { idempotencyKey: "declined-1" }));
    const second = await caught(h.stripe.paymentIntents.create(declined, { idempotencyKey: "declined-1" }));
    expect(second).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect((second as Stripe.errors.StripeCardError).payment_intent?.id).toBe((first as Stripe.errors.StripeCardError).payment_intent?.id);
    expect(second.headers?.["idempotent-replayed"]).toBe("true");
  });

  it("refuses the same key with other parameters or on another endpoint (IdempotencyError)", async () => {
    await h.stripe.paymentIntents.create(params, { idempotencyKey: "k-mismatch" });
    const otherParams = await caught(h.stripe.paymentIntents.create({ ...params, amount: 2600 }, { idempotencyKey: "k-mismatch" }));
    expect(otherParams).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(otherParams.statusCode).toBe(400);
    const otherEndpoint = await caught(h.stripe.customers.create({}, { idempotencyKey: "k-mismatch" }));
    expect(otherEndpoint).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it("a retry that switches card after a decline: 400 with type idempotency_error over HTTP, nothing charged, the decline kept", async () => {
    const declined = { ...params, payment_method: "pm_card_visa_chargeDeclined" };
    const first = await caught(h.stripe.paymentIntents.create(declined, { idempotencyKey: "switch-card-1" }));
    expect(first).toBeInstanceOf(Stripe.errors.StripeCardError);
    const body = new URLSearchParams({ amount: "2500", currency: "usd", payment_method: "pm_card_visa", confirm: "true" });
    const response = await fetch(`${h.sandbox.url}/v1/payment_intents`, {
      method: "POST",
      headers: { authorization: `Bearer ${HARNESS_SECRET_KEY}`, "content-type": "application/x-www-form-urlencoded", "idempotency-key": "switch-card-1" },
      body: body.toString(),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("stripe-should-retry")).toBe("false");
    expect(response.headers.get("idempotent-replayed")).toBeNull();
    const { error } = (await response.json()) as { error: { type: string; message: string; code?: string } };
    expect(error.type).toBe("idempotency_error");
    expect(error.message).toBe("Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than 'switch-card-1' if you meant to execute a different request.");
    expect((await h.stripe.charges.list()).data.filter((c) => c.status === "succeeded")).toHaveLength(0);
    // The same parameters again still replay the decline.
    const again = await caught(h.stripe.paymentIntents.create(declined, { idempotencyKey: "switch-card-1" }));
    expect((again as Stripe.errors.StripeCardError).payment_intent?.id).toBe((first as Stripe.errors.StripeCardError).payment_intent?.id);
  });

  it("keys are scoped per API key", () => {
    const store = new IdempotencyStore();
    expect(store.begin("sk_test_a", "shared", "POST", "/v1/customers", {}).kind).toBe("new");
    expect(store.begin("sk_test_b", "shared", "POST", "/v1/customers", {}).kind).toBe("new");
  });
});

describe("IdempotencyStore", () => {
  it("answers 409 while the first request with a key is in flight, then replays", () => {
    const store = new IdempotencyStore();
    const ticket = store.begin("sk_test_1", "key", "POST", "/v1/customers", { email: "x" });
    expect(ticket.kind).toBe("new");
    let inFlight: unknown;
    try {
      store.begin("sk_test_1", "key", "POST", "/v1/customers", { email: "x" });
    } catch (error) {
      inFlight = error;
    }
    expect(inFlight).toBeInstanceOf(SandboxError);
    expect((inFlight as SandboxError).status).toBe(409);
    if (ticket.kind === "new") ticket.finish({ status: 200, body: "{}" });
    expect(store.begin("sk_test_1", "key", "POST", "/v1/customers", { email: "x" })).toEqual({ kind: "replay", response: { status: 200, body: "{}" } });
  });

  it("rejects keys longer than 255 characters", () => {
    expect(() => new IdempotencyStore().begin("s", "k".repeat(256), "POST", "/v1/customers", {})).toThrow(SandboxError);
  });

  it("forgets a key whose request was rejected, so it can be retried", () => {
    const store = new IdempotencyStore();
    const ticket = store.begin("s", "k", "POST", "/v1/customers", {});
    if (ticket.kind === "new") ticket.finish(null);
    expect(store.begin("s", "k", "POST", "/v1/customers", {}).kind).toBe("new");
  });
});

import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SandboxError } from "./errors";
import { IdempotencyStore } from "./idempotency";
import { caught, type SandboxHarness, startHarness } from "./test-support";

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

  it("keys are scoped per secret key", async () => {
    const other = new Stripe("sk_test_other", { host: "127.0.0.1", port: h.sandbox.port, protocol: "http" });
    const a = await h.stripe.customers.create({ email: "a@example.com" }, { idempotencyKey: "shared" });
    const b = await other.customers.create({ email: "a@example.com" }, { idempotencyKey: "shared" });
    expect(b.id).not.toBe(a.id);
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

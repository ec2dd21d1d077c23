import Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { type SandboxHarness, startHarness, startReceiver } from "./test-support";
import type { WebhookDelivery } from "./webhook-dispatcher";

const SECRET = "whsec_test_refill_sandbox";
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function setup(statuses: number[] = [], retrySchedule = [50, 100, 150]) {
  const receiver = await startReceiver(statuses);
  const h: SandboxHarness = await startHarness({ webhookUrl: receiver.url, webhookSecret: SECRET, retrySchedule });
  cleanups.push(receiver.close, h.sandbox.close);
  return { receiver, h };
}

const flush = (h: SandboxHarness) => h.control("POST", "/_sandbox/webhooks/flush");

describe("webhooks", () => {
  it("delivers events signed so that stripe.webhooks.constructEvent accepts them", async () => {
    const { receiver, h } = await setup();
    const intent = await h.stripe.paymentIntents.create(
      { amount: 1500, currency: "usd", payment_method: "pm_card_visa", confirm: true },
      { idempotencyKey: "signed-1" },
    );
    expect((await flush(h)).body).toMatchObject({ empty: true, pending: 0 });

    const succeeded = receiver.received.find((r) => r.body.includes('"payment_intent.succeeded"'));
    expect(succeeded).toBeDefined();
    expect(succeeded?.headers["content-type"]).toBe("application/json; charset=utf-8");
    const signature = String(succeeded?.headers["stripe-signature"]);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const event = h.stripe.webhooks.constructEvent(succeeded?.body ?? "", signature, SECRET);
    expect(event).toMatchObject({
      object: "event",
      type: "payment_intent.succeeded",
      livemode: false,
      pending_webhooks: 1,
      request: { idempotency_key: "signed-1" },
      data: { object: { id: intent.id, status: "succeeded", amount_received: 1500 } },
    });
    expect(event.api_version).toBeTruthy();
    expect(event.request?.id).toMatch(/^req_/);
    expect(() => h.stripe.webhooks.constructEvent(succeeded?.body ?? "", signature, "whsec_wrong")).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
    expect((await h.stripe.events.retrieve(event.id)).pending_webhooks).toBe(0);
  });

  it("snapshots the object at event time", async () => {
    const { receiver, h } = await setup();
    await h.stripe.paymentIntents.create({ amount: 1500, currency: "usd", payment_method: "pm_card_authenticationRequired", confirm: true });
    await flush(h);
    const requiresAction = receiver.received.map((r) => JSON.parse(r.body)).find((e) => e.type === "payment_intent.requires_action");
    expect(requiresAction.data.object.status).toBe("requires_action");
  });

  it("retries a failed delivery with the same event id and body, signed afresh", async () => {
    const { receiver, h } = await setup([500, 500]);
    await h.stripe.customers.create({ email: "retry@example.com" });
    await flush(h);
    expect(receiver.received).toHaveLength(3);
    const bodies = new Set(receiver.received.map((r) => r.body));
    expect(bodies.size).toBe(1);
    for (const r of receiver.received) expect(h.stripe.webhooks.constructEvent(r.body, String(r.headers["stripe-signature"]), SECRET).type).toBe("customer.created");
    const deliveries = (await h.control("GET", "/_sandbox/webhook_deliveries")).body as { data: WebhookDelivery[] };
    expect(deliveries.data[0]).toMatchObject({ status: "delivered", event_type: "customer.created" });
    expect(deliveries.data[0].attempts.map((a) => a.status_code)).toEqual([500, 500, 200]);
  });

  it("gives up after the last retry", async () => {
    const { h } = await setup([500, 500, 500, 500, 500]);
    await h.stripe.customers.create({});
    expect((await flush(h)).body).toMatchObject({ empty: true });
    const deliveries = (await h.control("GET", "/_sandbox/webhook_deliveries")).body as { data: WebhookDelivery[] };
    expect(deliveries.data[0]).toMatchObject({ status: "failed" });
    expect(deliveries.data[0].attempts).toHaveLength(4);
  });

  it("flush waits for retries on their schedule, and reports a queue still busy at its timeout", async () => {
    const { receiver, h } = await setup([503], [300]);
    await h.stripe.customers.create({});
    expect((await h.control("POST", "/_sandbox/webhooks/flush", { timeout_ms: "100" })).body).toMatchObject({ empty: false, pending: 1 });
    expect((await flush(h)).body).toMatchObject({ empty: true, pending: 0 });
    expect(receiver.received).toHaveLength(2);
  });

  it("flush with hurry=true attempts retries waiting on a long schedule at once", async () => {
    const { receiver, h } = await setup([503], [60_000]);
    await h.stripe.customers.create({});
    const started = Date.now();
    expect((await h.control("POST", "/_sandbox/webhooks/flush", { hurry: "true" })).body).toMatchObject({ empty: true, pending: 0 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(receiver.received.map((r) => JSON.parse(r.body).id)).toHaveLength(2);
    expect(new Set(receiver.received.map((r) => JSON.parse(r.body).id)).size).toBe(1);
  });

  it("registers endpoints through the API (secret shown once) and through /_sandbox", async () => {
    const receiver = await startReceiver();
    const h = await startHarness();
    cleanups.push(receiver.close, h.sandbox.close);
    const endpoint = await h.stripe.webhookEndpoints.create({ url: receiver.url, enabled_events: ["payment_intent.succeeded"] });
    expect(endpoint.secret).toMatch(/^whsec_/);
    expect((await h.stripe.webhookEndpoints.retrieve(endpoint.id)).secret).toBeUndefined();
    await h.stripe.customers.create({});
    await h.stripe.paymentIntents.create({ amount: 1000, currency: "usd", payment_method: "pm_card_visa", confirm: true });
    await flush(h);
    expect(receiver.received.map((r) => JSON.parse(r.body).type)).toEqual(["payment_intent.succeeded"]);
    h.stripe.webhooks.constructEvent(receiver.received[0].body, String(receiver.received[0].headers["stripe-signature"]), endpoint.secret ?? "");

    const registered = await h.control("POST", "/_sandbox/webhook_endpoints", { url: `${receiver.url}?app=2`, secret: "whsec_app" });
    expect(registered.body).toMatchObject({ enabled_events: ["*"] });
    expect(registered.body).not.toHaveProperty("secret");
  });

  it("delivers no events for an idempotent replay", async () => {
    const { receiver, h } = await setup();
    await h.stripe.customers.create({}, { idempotencyKey: "once" });
    await h.stripe.customers.create({}, { idempotencyKey: "once" });
    await flush(h);
    expect(receiver.received).toHaveLength(1);
  });
});

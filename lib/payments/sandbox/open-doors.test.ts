import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStripeSandbox, type StripeSandbox } from "./index";

// Attacks on the sandbox as anyone who can reach its port would make them: other test keys,
// another site's origin, the test controls without their token, fishing for the app's secret.
const APP_ORIGIN = "http://localhost:3000";
const WEBHOOK_SECRET = "whsec_app_secret_never_shown";
const CONTROL_TOKEN = "control-token-for-tests";
let sandbox: StripeSandbox;
let generated: StripeSandbox;

const sdk = (key: string) => new Stripe(key, { host: "127.0.0.1", port: sandbox.port, protocol: "http", maxNetworkRetries: 0 });
const control = (path: string, init: RequestInit = {}, token: string | null = CONTROL_TOKEN) =>
  fetch(`${sandbox.url}${path}`, { method: "POST", ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string>) } });

beforeAll(async () => {
  sandbox = await startStripeSandbox({
    port: 0,
    log: false,
    secretKey: "sk_test_refill_sandbox",
    allowedOrigins: [APP_ORIGIN],
    controlToken: CONTROL_TOKEN,
    webhookUrl: "http://127.0.0.1:9/api/webhooks/stripe",
    webhookSecret: WEBHOOK_SECRET,
  });
  generated = await startStripeSandbox({ port: 0, log: false });
});
afterAll(async () => {
  await sandbox.close();
  await generated.close();
});

describe("the sandbox's doors", () => {
  it("accepts only the keys it was started with", async () => {
    expect((await sdk("sk_test_refill_sandbox").customers.create({})).id).toMatch(/^cus_/);
    for (const key of ["sk_test_anything", "rk_test_anything", "sk_test_refill_sandbox2"]) {
      await expect(sdk(key).customers.list()).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    }
    const form = (key: string) => new URLSearchParams({ key, type: "card", "card[number]": "4242424242424242", "card[exp_month]": "12", "card[exp_year]": "2040", "card[cvc]": "123" });
    const own = await fetch(`${sandbox.url}/v1/payment_methods`, { method: "POST", body: form("pk_test_refill_sandbox") });
    expect(own.status).toBe(200);
    const foreign = await fetch(`${sandbox.url}/v1/payment_methods`, { method: "POST", body: form("pk_test_other") });
    expect(foreign.status).toBe(401);
    expect(await foreign.text()).not.toContain("pk_test_other");
  });

  it("allows CORS only for the app's origin", async () => {
    const preflight = (origin: string) =>
      fetch(`${sandbox.url}/v1/payment_methods`, { method: "OPTIONS", headers: { Origin: origin, "Access-Control-Request-Method": "POST" } });
    expect((await preflight(APP_ORIGIN)).headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
    for (const origin of ["https://evil.example", "http://localhost:3000.evil.example", "null"]) {
      const response = await preflight(origin);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
    }
  });

  it("keeps /_sandbox controls behind the control token", async () => {
    const calls: [string, RequestInit][] = [
      ["/_sandbox/reset", {}],
      ["/_sandbox/webhook_deliveries", { method: "GET" }],
      ["/_sandbox/webhooks/flush", { body: new URLSearchParams({ timeout_ms: "10" }) }],
      ["/_sandbox/webhook_endpoints", { body: new URLSearchParams({ url: "https://evil.example/hook" }) }],
    ];
    for (const [path, init] of calls) {
      expect((await control(path, init, null)).status, path).toBe(401);
      expect((await control(path, init, "wrong-token")).status, path).toBe(401);
      expect((await control(path, init, "sk_test_refill_sandbox")).status, path).toBe(401);
    }
    expect((await control("/_sandbox/webhooks/flush", { body: new URLSearchParams({ timeout_ms: "10" }) })).status).toBe(200);
  });

  it("generates a control token when none is given", async () => {
    expect(generated.controlToken).toMatch(/^[\w-]{24,}$/);
    const reset = (token: string) => fetch(`${generated.url}/_sandbox/reset`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
    expect((await reset("")).status).toBe(401);
    expect((await reset(generated.controlToken)).status).toBe(200);
  });

  it("never echoes the app's webhook secret", async () => {
    const registered = await control("/_sandbox/webhook_endpoints", { body: new URLSearchParams({ url: "http://127.0.0.1:9/api/webhooks/stripe" }) });
    expect(registered.status).toBe(200);
    const listed = await sdk("sk_test_refill_sandbox").webhookEndpoints.list();
    const deliveries = await control("/_sandbox/webhook_deliveries", { method: "GET" });
    for (const text of [await registered.text(), JSON.stringify(listed), await deliveries.text()]) expect(text).not.toContain(WEBHOOK_SECRET);
  });
});

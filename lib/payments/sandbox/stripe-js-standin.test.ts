import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeDocument, type FakeNode } from "./fake-dom";
import { HARNESS_PUBLISHABLE_KEY, type SandboxHarness, startHarness } from "./test-support";

// The stand-in runs here on a minimal fake DOM against a real sandbox; the browser test proper
// (with React and Playwright) lives with the app's e2e specs.

const source = readFileSync(new URL("./stripe-js-standin.js", import.meta.url), "utf8");

interface StandinElement {
  mount: (node: FakeNode) => void;
  destroy: () => void;
  on: (event: string, handler: (payload: Record<string, unknown>) => void) => void;
  off: (event: string, handler?: unknown) => void;
}
interface StandinStripe {
  elements: () => { create: (type: string) => StandinElement; getElement: (type: unknown) => StandinElement | null };
  confirmCardPayment: (secret: string, data?: unknown) => Promise<Record<string, Record<string, unknown>>>;
  createPaymentMethod: (data: unknown) => Promise<Record<string, Record<string, unknown>>>;
}
type StandinStripeFactory = ((key: string) => StandinStripe) & { version: string };

let h: SandboxHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.sandbox.close());

function load() {
  const document = new FakeDocument({ src: `${h.sandbox.url}/js/v3.js` });
  const window: { Stripe?: StandinStripeFactory; location: { href: string } } = { location: { href: "http://localhost:3000/" } };
  new Function("window", "document", source)(window, document);
  if (!window.Stripe) throw new Error("window.Stripe was not defined");
  return { Stripe: window.Stripe, document };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

async function mountCard(document: FakeDocument, stripe: StandinStripe) {
  const elements = stripe.elements();
  const card = elements.create("card");
  const changes: Array<Record<string, unknown>> = [];
  card.on("change", (event) => changes.push(event));
  const host = document.body.appendChild(document.createElement("div"));
  card.mount(host);
  await new Promise<void>((resolve) => card.on("ready", () => resolve()));
  const type = (name: string, value: string) => {
    const input = host.find((node) => node.attributes.name === name);
    if (!input) throw new Error(`no input named ${name}`);
    input.value = value;
    input.dispatch("input");
  };
  return { elements, card, changes, type, host };
}

async function fill(type: (name: string, value: string) => void, number: string) {
  type("cardnumber", number);
  type("exp-date", "12/40");
  type("cvc", "123");
  type("postal", "10001");
}

async function untilDialog(document: FakeDocument): Promise<FakeNode> {
  for (let i = 0; i < 200; i++) {
    const dialog = document.body.find((node) => node.attributes.role === "dialog");
    if (dialog) return dialog;
    await tick();
  }
  throw new Error("no challenge dialog appeared");
}

const button = (dialog: FakeNode, label: string) => {
  const found = dialog.find((node) => node.tagName === "BUTTON" && (node.textContent === label || node.attributes["aria-label"] === label));
  if (!found) throw new Error(`no button ${label}`);
  return found;
};

describe("Stripe.js stand-in", () => {
  it("is served at /js/v3.js as JavaScript", async () => {
    const response = await fetch(`${h.sandbox.url}/js/v3.js`);
    expect(response.headers.get("content-type")).toBe("application/javascript; charset=utf-8");
    expect(await response.text()).toBe(source);
  });

  it("defines window.Stripe as a plain function with what react-stripe-js checks", () => {
    const { Stripe } = load();
    expect(Stripe.version).toBe("endive");
    const stripe = Stripe.apply(undefined, [HARNESS_PUBLISHABLE_KEY]) as unknown as Record<string, unknown>;
    for (const name of ["elements", "createToken", "createPaymentMethod", "confirmCardPayment", "confirmCardSetup", "confirmPayment",
      "confirmSetup", "handleNextAction", "handleCardAction", "retrievePaymentIntent", "retrieveSetupIntent", "registerAppInfo", "_registerWrapper"]) {
      expect(typeof stripe[name]).toBe("function");
    }
  });

  it("validates the card client-side: Luhn, then complete", async () => {
    const { Stripe, document } = load();
    const { type, changes, host } = await mountCard(document, Stripe(HARNESS_PUBLISHABLE_KEY));
    expect(host.find((node) => node.attributes.name === "cardnumber")?.attributes["aria-label"]).toBe("Card number");
    type("cardnumber", "4242424242424241");
    expect(changes.at(-1)).toMatchObject({ elementType: "card", complete: false, brand: "visa", error: { type: "validation_error", code: "incorrect_number" } });
    await fill(type, "4242424242424242");
    expect(changes.at(-1)).toMatchObject({ complete: true, empty: false, error: undefined, value: { postalCode: "10001" } });
    expect(host.className.split(" ")).toEqual(expect.arrayContaining(["StripeElement", "StripeElement--complete"]));
    expect(host.className).not.toContain("StripeElement--invalid");
  });

  it("survives StrictMode's create / destroy / create, refusing a second live card", async () => {
    const { Stripe } = load();
    const elements = Stripe(HARNESS_PUBLISHABLE_KEY).elements();
    const first = elements.create("card");
    expect(() => elements.create("card")).toThrow(/one Element of type card/);
    first.destroy();
    first.off("change", () => {});
    const second = elements.create("card");
    expect(elements.getElement({ __elementType: "card" })).toBe(second);
  });

  it("confirms a 3-D Secure payment through the inline challenge", async () => {
    const { Stripe, document } = load();
    const stripe = Stripe(HARNESS_PUBLISHABLE_KEY);
    const { type, card } = await mountCard(document, stripe);
    await fill(type, "4000002760003184");
    const intent = await h.stripe.paymentIntents.create({ amount: 4200, currency: "usd" });
    const pending = stripe.confirmCardPayment(intent.client_secret ?? "", { payment_method: { card } });
    const dialog = await untilDialog(document);
    expect(dialog.attributes["aria-modal"]).toBe("true");
    expect(dialog.textContent).toContain("$42.00");
    expect(dialog.textContent).toContain("Refill");
    button(dialog, "Complete authentication").click();
    const result = await pending;
    expect(result.paymentIntent).toMatchObject({ id: intent.id, status: "succeeded" });
    expect(document.body.find((node) => node.attributes.role === "dialog")).toBeNull();
  });

  it("closing the challenge counts as failing it", async () => {
    const { Stripe, document } = load();
    const stripe = Stripe(HARNESS_PUBLISHABLE_KEY);
    const intent = await h.stripe.paymentIntents.create({ amount: 4200, currency: "usd" });
    const pending = stripe.confirmCardPayment(intent.client_secret ?? "", { payment_method: "pm_card_threeDSecure2Required" });
    button(await untilDialog(document), "Close").click();
    expect((await pending).error).toMatchObject({ code: "payment_intent_authentication_failure", payment_intent: { id: intent.id } });
  });

  it("resolves declines to {error} and frictionless cards without any dialog", async () => {
    const { Stripe, document } = load();
    const stripe = Stripe(HARNESS_PUBLISHABLE_KEY);
    const declined = await h.stripe.paymentIntents.create({ amount: 4200, currency: "usd" });
    const failure = await stripe.confirmCardPayment(declined.client_secret ?? "", { payment_method: "pm_card_visa_chargeDeclinedInsufficientFunds" });
    expect(failure.error).toMatchObject({ type: "card_error", code: "card_declined", decline_code: "insufficient_funds", payment_intent: { id: declined.id } });
    const fine = await h.stripe.paymentIntents.create({ amount: 4200, currency: "usd" });
    const success = await stripe.confirmCardPayment(fine.client_secret ?? "", { payment_method: "pm_card_threeDSecureOptional" });
    expect(success.paymentIntent).toMatchObject({ status: "succeeded" });
    expect(document.body.find((node) => node.attributes.role === "dialog")).toBeNull();
  });

  it("creates a payment method from the card element", async () => {
    const { Stripe, document } = load();
    const stripe = Stripe(HARNESS_PUBLISHABLE_KEY);
    const { type, card } = await mountCard(document, stripe);
    const incomplete = await stripe.createPaymentMethod({ type: "card", card });
    expect(incomplete.error).toMatchObject({ type: "validation_error", code: "incomplete_number" });
    await fill(type, "5555555555554444");
    const created = await stripe.createPaymentMethod({ type: "card", card, billing_details: { name: "Ada" } });
    expect(created.paymentMethod).toMatchObject({ card: { brand: "mastercard", last4: "4444" }, billing_details: { name: "Ada", address: { postal_code: "10001" } } });
  });
});

import type { PaymentIntent, PaymentMethod, SetupIntent } from "./types";

// The challenge page served for `redirect_to_url` flows (and linked from `use_stripe_sdk`):
// the same content as the stand-in's inline modal, working without JavaScript.

const ZERO_DECIMAL = new Set(["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"]);

export function formatAmount(amount: number, currency: string): string {
  const divisor = ZERO_DECIMAL.has(currency) ? 1 : 100;
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(amount / divisor);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center; background: #f3f4f6;
    font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111827; }
  main { position: relative; width: min(420px, calc(100vw - 32px)); background: #fff; border-radius: 12px; padding: 28px;
    box-shadow: 0 10px 30px rgba(17, 24, 39, .12); }
  h1 { font-size: 18px; margin: 0 0 4px; }
  .bank { font-size: 12px; letter-spacing: .08em; text-transform: uppercase; color: #6b7280; margin: 0 0 16px; }
  dl { display: grid; grid-template-columns: auto 1fr; gap: 6px 16px; margin: 16px 0 24px; }
  dt { color: #6b7280; } dd { margin: 0; font-weight: 600; }
  .actions { display: flex; flex-direction: column; gap: 10px; }
  button { font: inherit; border-radius: 8px; padding: 11px 16px; cursor: pointer; }
  .complete { background: #16a34a; color: #fff; border: 1px solid #15803d; }
  .fail { background: #fff; color: #b91c1c; border: 1px solid #fca5a5; }
  .close { position: absolute; top: 12px; right: 12px; padding: 4px 10px; background: none; border: 0; font-size: 22px; color: #6b7280; }
  button:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

/** The challenge: amount, merchant, card; Complete / Fail; the close button counts as fail. */
export function renderChallengePage(
  intent: PaymentIntent | SetupIntent,
  paymentMethod: PaymentMethod | undefined,
  merchantName: string,
): string {
  const purpose =
    intent.object === "payment_intent" ? formatAmount(intent.amount, intent.currency) : "Save this card for future payments (no charge now)";
  const card = paymentMethod ? `${paymentMethod.card.brand.toUpperCase()} •••• ${paymentMethod.card.last4}` : "Card";
  const hidden = `<input type="hidden" name="client_secret" value="${escapeHtml(intent.client_secret)}">`;
  return page(
    "3D Secure 2 Test Page",
    `<form method="post" aria-labelledby="challenge-title">
  ${hidden}
  <button class="close" type="submit" name="outcome" value="fail" aria-label="Close">×</button>
  <p class="bank">Sandbox Bank · Test mode</p>
  <h1 id="challenge-title">3D Secure 2 Test Page</h1>
  <p>Confirm this ${intent.object === "payment_intent" ? "payment" : "card"} to continue.</p>
  <dl>
    <dt>Merchant</dt><dd>${escapeHtml(merchantName)}</dd>
    <dt>${intent.object === "payment_intent" ? "Amount" : "Purpose"}</dt><dd>${escapeHtml(purpose)}</dd>
    <dt>Card</dt><dd>${escapeHtml(card)}</dd>
  </dl>
  <div class="actions">
    <button class="complete" type="submit" name="outcome" value="complete">Complete authentication</button>
    <button class="fail" type="submit" name="outcome" value="fail">Fail authentication</button>
  </div>
</form>`,
  );
}

export function renderMessagePage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`);
}

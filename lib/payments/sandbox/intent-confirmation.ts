import { assertUsableBy } from "./attach-payment-method";
import type { RequestContext } from "./context";
import { invalidRequest } from "./errors";
import type { Params } from "./form-body";
import { createCardPaymentMethod, resolvePaymentMethod } from "./payment-methods";
import { readBoolean, readObject, readString } from "./params";
import type { NextAction, PaymentMethod } from "./types";

// What PaymentIntent and SetupIntent confirmation share.

export interface ConfirmOptions {
  offSession: boolean;
  errorOnRequiresAction: boolean;
  returnUrl: string | null;
  useStripeSdk: boolean;
}

export function readConfirmOptions(ctx: RequestContext): ConfirmOptions {
  const offSession = readString(ctx.params, "off_session");
  if (offSession && !["true", "false", "one_off", "recurring"].includes(offSession)) {
    throw invalidRequest(`Invalid off_session: ${offSession}`, { param: "off_session" });
  }
  return {
    offSession: offSession === "true" || offSession === "one_off" || offSession === "recurring",
    errorOnRequiresAction: readBoolean(ctx.params, "error_on_requires_action") ?? false,
    returnUrl: readString(ctx.params, "return_url") ?? null,
    useStripeSdk: readBoolean(ctx.params, "use_stripe_sdk") ?? false,
  };
}

/**
 * The payment method for this confirmation: `payment_method` in `source` (an id or a canonical
 * test id, which creates a new one), else `payment_method_data` (a new card), else the one
 * already on the intent. `source` is null when the parameters were already applied.
 */
export function selectPaymentMethod(
  ctx: RequestContext,
  intent: { payment_method: string | null; customer: string | null },
  source: Params | null,
): PaymentMethod | null {
  const id = source ? readString(source, "payment_method") : undefined;
  const data = source ? readObject(source, "payment_method_data") : undefined;
  let paymentMethod: PaymentMethod | null = null;
  if (id) paymentMethod = resolvePaymentMethod(ctx, id, "payment_method");
  else if (data) paymentMethod = createCardPaymentMethod(ctx, data);
  else if (intent.payment_method) paymentMethod = ctx.state.paymentMethods.get(intent.payment_method) ?? null;
  if (paymentMethod) assertUsableBy(ctx, paymentMethod, intent.customer);
  return paymentMethod;
}

/** The link to the sandbox's challenge page for an intent (carries its client secret). */
export function challengeUrl(ctx: RequestContext, intent: { id: string; client_secret: string }): string {
  return `${ctx.baseUrl}/_sandbox/3ds/${intent.id}?client_secret=${encodeURIComponent(intent.client_secret)}`;
}

/** `redirect_to_url` when a `return_url` is given without `use_stripe_sdk`; else `use_stripe_sdk`. */
export function challengeNextAction(ctx: RequestContext, intent: { id: string; client_secret: string }, options: ConfirmOptions): NextAction {
  const url = challengeUrl(ctx, intent);
  if (options.returnUrl && !options.useStripeSdk) {
    return { type: "redirect_to_url", redirect_to_url: { url, return_url: options.returnUrl } };
  }
  return { type: "use_stripe_sdk", use_stripe_sdk: { type: "three_d_secure_redirect", stripe_js: url, merchant: ctx.config.merchantName } };
}

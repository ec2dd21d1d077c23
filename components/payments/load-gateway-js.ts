"use client";

import { loadStripe } from "@stripe/stripe-js/pure";
import type { Stripe } from "@stripe/stripe-js";

export type TBrowserGatewayConfig = { publishableKey: string; stripeJsUrl: string | null };

let loading: Promise<Stripe | null> | null = null;

function injectScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error("The payment form could not load."));
    document.head.appendChild(script);
  });
}

/**
 * Stripe.js for the configured gateway. With the sandbox, its Stripe.js stand-in is put on
 * `window.Stripe` first, and `loadStripe` then uses it instead of loading anything.
 */
export function loadGatewayJs(config: TBrowserGatewayConfig): Promise<Stripe | null> {
  loading ??= (async () => {
    if (config.stripeJsUrl && !(window as unknown as { Stripe?: unknown }).Stripe) await injectScript(config.stripeJsUrl);
    return loadStripe(config.publishableKey);
  })().catch((error: Error) => {
    loading = null;
    throw error;
  });
  return loading;
}

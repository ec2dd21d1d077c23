"use client";

import { useMemo, useState, useSyncExternalStore } from "react";
import { loadGatewayJs, type TBrowserGatewayConfig } from "@/components/payments/load-gateway-js";

const noSubscription = () => () => {};

/**
 * Stripe.js for a payment form, loaded in the browser only: never during server rendering
 * (there is no `window` there), and hydration sees what the server rendered (no Stripe.js yet).
 * `<Elements>` accepts the promise arriving on the next render.
 */
export function useGatewayJs(gateway: TBrowserGatewayConfig, enabled = true) {
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const stripePromise = useMemo(() => {
    if (!inBrowser || !enabled) return null;
    const loading = loadGatewayJs(gateway);
    loading.catch(() => setLoadError("The card form could not load. Check your connection and try again."));
    return loading;
  }, [inBrowser, enabled, gateway]);
  return { stripePromise, loadError };
}

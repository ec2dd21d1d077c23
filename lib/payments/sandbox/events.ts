import { newId, nowSeconds } from "./ids";
import type { SandboxState, SandboxWebhookEndpoint } from "./state";
import type { ApiObject, StripeEvent } from "./types";

/** The API version events are rendered in: the one the installed `stripe` SDK (v23) pins. */
export const SANDBOX_API_VERSION = "2026-10-28.endive";

export function endpointWants(endpoint: SandboxWebhookEndpoint, type: string): boolean {
  return endpoint.status === "enabled" && (endpoint.enabled_events.includes("*") || endpoint.enabled_events.includes(type));
}

/** Stores an event whose `data.object` is a snapshot of `object` as it is now. */
export function recordEvent(
  state: SandboxState,
  type: string,
  object: ApiObject,
  request: { id: string | null; idempotency_key: string | null },
): StripeEvent {
  const endpoints = state.webhookEndpoints.newestFirst().filter((endpoint) => endpointWants(endpoint, type));
  const event: StripeEvent = {
    id: newId("evt"),
    object: "event",
    api_version: SANDBOX_API_VERSION,
    created: nowSeconds(),
    data: { object: structuredClone(object) },
    livemode: false,
    pending_webhooks: endpoints.length,
    request,
    type,
  };
  return state.events.add(event);
}

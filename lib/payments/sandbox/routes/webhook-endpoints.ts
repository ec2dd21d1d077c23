import type { RequestContext } from "../context";
import { invalidRequest, noSuchObject } from "../errors";
import { SANDBOX_API_VERSION } from "../events";
import { newId, nowSeconds, randomToken } from "../ids";
import { paginate } from "../list";
import { applyMetadata, logUnknownParams, readString, readStringList, requireString } from "../params";
import { route, type Route } from "../router";
import type { SandboxState, SandboxWebhookEndpoint } from "../state";
import type { WebhookEndpoint } from "../types";

export interface EndpointInput {
  url: string;
  secret?: string | null;
  enabledEvents?: string[];
  description?: string | null;
}

function assertHttpUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalidRequest(`Invalid URL: ${url}`, { param: "url", code: "url_invalid" });
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw invalidRequest(`Invalid URL: ${url}`, { param: "url", code: "url_invalid" });
}

/** Registers an endpoint; the secret is generated (`whsec_…`) unless given. */
export function addWebhookEndpoint(state: SandboxState, input: EndpointInput): SandboxWebhookEndpoint {
  assertHttpUrl(input.url);
  return state.webhookEndpoints.add({
    id: newId("we"),
    object: "webhook_endpoint",
    api_version: SANDBOX_API_VERSION,
    created: nowSeconds(),
    description: input.description ?? null,
    enabled_events: input.enabledEvents && input.enabledEvents.length > 0 ? input.enabledEvents : ["*"],
    livemode: false,
    metadata: {},
    status: "enabled",
    url: input.url,
    secret: input.secret || `whsec_${randomToken(32)}`,
  });
}

/** Stripe shows the signing secret only in the creation response. */
export function withoutSecret(endpoint: SandboxWebhookEndpoint): WebhookEndpoint {
  const { secret: _secret, ...visible } = endpoint;
  return visible;
}

function getEndpointOrThrow(ctx: RequestContext): SandboxWebhookEndpoint {
  const endpoint = ctx.state.webhookEndpoints.get(ctx.pathParams.id);
  if (!endpoint) throw noSuchObject("webhook_endpoint", ctx.pathParams.id);
  return endpoint;
}

function create(ctx: RequestContext): SandboxWebhookEndpoint {
  logUnknownParams(ctx.params, ["url", "enabled_events", "description", "metadata", "api_version", "connect"], "POST /v1/webhook_endpoints", ctx.config.log);
  const endpoint = addWebhookEndpoint(ctx.state, {
    url: requireString(ctx.params, "url"),
    enabledEvents: readStringList(ctx.params, "enabled_events"),
    description: readString(ctx.params, "description"),
  });
  endpoint.metadata = applyMetadata({}, ctx.params);
  return endpoint;
}

function update(ctx: RequestContext): WebhookEndpoint {
  const endpoint = getEndpointOrThrow(ctx);
  const url = readString(ctx.params, "url");
  if (url) {
    assertHttpUrl(url);
    endpoint.url = url;
  }
  const events = readStringList(ctx.params, "enabled_events");
  if (events && events.length > 0) endpoint.enabled_events = events;
  const disabled = readString(ctx.params, "disabled");
  if (disabled) endpoint.status = disabled === "true" ? "disabled" : "enabled";
  endpoint.metadata = applyMetadata(endpoint.metadata, ctx.params);
  return withoutSecret(endpoint);
}

function remove(ctx: RequestContext) {
  const endpoint = getEndpointOrThrow(ctx);
  ctx.state.webhookEndpoints.delete(endpoint.id);
  return { id: endpoint.id, object: "webhook_endpoint", deleted: true };
}

function list(ctx: RequestContext) {
  return paginate(ctx.state.webhookEndpoints.newestFirst().map(withoutSecret), ctx.params, "/v1/webhook_endpoints");
}

export const webhookEndpointRoutes: Route[] = [
  route("POST", "/v1/webhook_endpoints", create),
  route("GET", "/v1/webhook_endpoints", list),
  route("GET", "/v1/webhook_endpoints/:id", (ctx) => withoutSecret(getEndpointOrThrow(ctx))),
  route("POST", "/v1/webhook_endpoints/:id", update),
  route("DELETE", "/v1/webhook_endpoints/:id", remove),
];

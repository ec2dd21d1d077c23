import { timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Credential, RequestContext, SandboxConfig, SandboxControls } from "./context";
import { authenticationError, invalidRequest, SandboxError } from "./errors";
import { endpointWants, recordEvent, SANDBOX_API_VERSION } from "./events";
import { applyExpand } from "./expand";
import { parseRequestParams, type Params } from "./form-body";
import { IdempotencyStore, type StoredResponse } from "./idempotency";
import { randomToken } from "./ids";
import { errorHeaders, errorPayload, readBody, readCredential, send, setCorsHeaders } from "./http-io";
import { readStringList } from "./params";
import { matchRoute, RawReply, type Route, type RouteMatch } from "./router";
import { chargeAndEventRoutes } from "./routes/charges-events";
import { customerRoutes } from "./routes/customers";
import { paymentIntentRoutes } from "./routes/payment-intents";
import { paymentMethodRoutes } from "./routes/payment-methods";
import { sandboxControlRoutes } from "./routes/sandbox-controls";
import { setupIntentRoutes } from "./routes/setup-intents";
import { webhookEndpointRoutes } from "./routes/webhook-endpoints";
import { SandboxState } from "./state";
import type { StripeEvent } from "./types";
import { WebhookDispatcher } from "./webhook-dispatcher";

const ROUTES: readonly Route[] = [
  ...customerRoutes,
  ...paymentMethodRoutes,
  ...paymentIntentRoutes,
  ...setupIntentRoutes,
  ...chargeAndEventRoutes,
  ...webhookEndpointRoutes,
  ...sandboxControlRoutes,
];

const STANDIN_URL = new URL("./stripe-js-standin.js", import.meta.url);

export interface SandboxServer {
  server: Server;
  state: SandboxState;
  webhooks: WebhookDispatcher;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Only the keys the sandbox was started with; a publishable key only where the route allows it
 * (and with the intent's client secret); the controls only with the control token. Error
 * messages never repeat what was presented.
 */
function authorize(state: SandboxState, config: SandboxConfig, match: RouteMatch, credential: Credential, params: Params): void {
  const { access } = match.route;
  if (access === "none") return;
  if (access === "control") {
    if (credential.kind === "none" || !sameSecret(credential.key, config.controlToken)) {
      throw authenticationError("The sandbox controls need Authorization: Bearer <STRIPE_SANDBOX_CONTROL_TOKEN>.");
    }
    return;
  }
  if (credential.kind === "none") {
    throw authenticationError("You did not provide an API key. Provide it in the Authorization header (Bearer sk_test_…).");
  }
  const expected = credential.kind === "secret" ? config.keys.secret : config.keys.publishable;
  if (!sameSecret(credential.key, expected)) {
    throw authenticationError("Invalid API Key provided. The sandbox accepts only the key it was started with (STRIPE_SANDBOX_SECRET_KEY) and its publishable pair.");
  }
  if (credential.kind === "secret" || access === "publishable") return;
  if (access === "secret") throw authenticationError("This API call cannot be made with a publishable API key. Please use a secret API key.");
  const intent = state.lookup(match.pathParams.id) as { client_secret?: string } | undefined;
  if (!intent) return; // the handler answers 404
  if (typeof params.client_secret !== "string" || params.client_secret !== intent.client_secret) {
    throw invalidRequest("The client_secret provided does not match the client_secret associated with this intent.", { param: "client_secret" });
  }
}

function parseParams(url: URL, body: string, contentType: string | undefined): Params {
  try {
    return parseRequestParams(url.search.slice(1), body, contentType);
  } catch (error) {
    throw invalidRequest(`Invalid request body: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A SandboxError becomes its Stripe error; anything else is a bug, logged in full, answered with a 500. */
function errorReply(error: unknown, config: SandboxConfig): RawReply {
  if (error instanceof SandboxError) return new RawReply(error.status, "application/json", errorPayload(error.body));
  config.log(`internal error: ${error instanceof Error ? error.stack : String(error)}`);
  return new RawReply(500, "application/json", errorPayload({ type: "api_error", message: "The sandbox hit an internal error." }));
}

async function runHandler(ctx: RequestContext, match: RouteMatch, isApi: boolean): Promise<RawReply> {
  const result = await match.route.handler(ctx);
  if (result instanceof RawReply) return result;
  const expand = isApi ? (readStringList(ctx.params, "expand") ?? []) : [];
  return RawReply.json(200, expand.length > 0 ? applyExpand(ctx.state, result, expand) : result);
}

export function createSandboxServer(config: SandboxConfig, retrySchedule: readonly number[]): SandboxServer {
  const state = new SandboxState();
  const idempotency = new IdempotencyStore();
  const webhooks = new WebhookDispatcher({
    retrySchedule,
    log: config.log,
    onDelivered: (eventId) => {
      const event = state.events.get(eventId);
      if (event && event.pending_webhooks > 0) event.pending_webhooks -= 1;
    },
  });
  const controls: SandboxControls = {
    webhooks,
    reset: () => {
      state.reset();
      webhooks.reset();
      idempotency.clear();
    },
  };

  function deliver(events: StripeEvent[]): void {
    const endpoints = state.webhookEndpoints.newestFirst();
    for (const event of events) webhooks.enqueue(event, endpoints.filter((endpoint) => endpointWants(endpoint, event.type)));
  }

  async function handle(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const url = new URL(req.url ?? "/", "http://sandbox.invalid");
    const method = req.method ?? "GET";
    const headers: Record<string, string> = { "Request-Id": requestId, "Stripe-Version": String(req.headers["stripe-version"] ?? SANDBOX_API_VERSION) };
    if (method === "OPTIONS") return send(res, 204, null, "", headers);
    if (method === "GET" && url.pathname === "/js/v3.js") {
      return send(res, 200, "application/javascript; charset=utf-8", readFileSync(STANDIN_URL, "utf8"), { ...headers, "Cache-Control": "no-cache" });
    }
    const isApi = url.pathname.startsWith("/v1/");
    const events: StripeEvent[] = [];
    const idempotencyKey = isApi && method === "POST" ? (req.headers["idempotency-key"] as string | undefined) ?? null : null;
    if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;
    let reply: RawReply;
    let ticket: ReturnType<IdempotencyStore["begin"]> | null = null;
    try {
      const params = parseParams(url, await readBody(req), req.headers["content-type"]);
      const match = matchRoute(ROUTES, method, url.pathname);
      if (!match) throw new SandboxError(404, { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${url.pathname}).` });
      const credential = readCredential(req, typeof params.key === "string" ? params.key : undefined);
      authorize(state, config, match, credential, params);
      if (idempotencyKey && credential.kind !== "none") {
        ticket = idempotency.begin(credential.key, idempotencyKey, method, url.pathname, params);
        if (ticket.kind === "replay") return replay(res, ticket.response, headers);
      }
      const ctx: RequestContext = {
        state,
        config,
        controls,
        params,
        pathParams: match.pathParams,
        credential,
        requestId,
        idempotencyKey,
        baseUrl: config.publicUrl ?? `http://${req.headers.host ?? "127.0.0.1"}`,
        // Events caused by the sandbox's own controls (the 3-D Secure challenge) come from no API request.
        emit: (type, object) => events.push(recordEvent(state, type, object, { id: isApi ? requestId : null, idempotency_key: idempotencyKey })),
      };
      reply = await runHandler(ctx, match, isApi);
    } catch (error) {
      reply = errorReply(error, config);
    }
    // Stripe keeps the results of requests that ran (success or card error), not rejected ones.
    if (ticket?.kind === "new") ticket.finish(reply.status === 200 || reply.status === 402 ? { status: reply.status, body: reply.body } : null);
    send(res, reply.status, reply.contentType, reply.body, { ...headers, ...errorHeaders(reply.status), ...reply.headers });
    deliver(events);
  }

  function replay(res: ServerResponse, stored: StoredResponse, headers: Record<string, string>): void {
    send(res, stored.status, "application/json", stored.body, { ...headers, ...errorHeaders(stored.status), "Idempotent-Replayed": "true" });
  }

  const server = createServer((req, res) => {
    const requestId = `req_${randomToken(14)}`;
    setCorsHeaders(req, res, config.allowedOrigins);
    handle(req, res, requestId).catch((error: unknown) => {
      config.log(`unexpected failure: ${error instanceof Error ? error.stack : String(error)}`);
      if (!res.headersSent) send(res, 500, "application/json", errorPayload({ type: "api_error", message: "Internal sandbox error." }), { "Request-Id": requestId });
    });
  });
  return { server, state, webhooks };
}

import type { Params } from "./form-body";
import type { SandboxState } from "./state";
import type { ApiObject } from "./types";
import type { WebhookDispatcher } from "./webhook-dispatcher";

export type Credential = { kind: "secret"; key: string } | { kind: "publishable"; key: string } | { kind: "none" };

export interface SandboxConfig {
  /** Shown on the 3-D Secure challenge (inferred: Stripe shows the account's name). */
  merchantName: string;
  /** Base of links handed to browsers (challenge pages); the request's Host when unset. */
  publicUrl: string | null;
  /** The only API keys accepted: the secret key and its publishable pair. */
  keys: { secret: string; publishable: string };
  /** Origins allowed to call the API from a browser (the app's); no CORS for any other. */
  allowedOrigins: readonly string[];
  /** Bearer token the `/_sandbox` test controls require. */
  controlToken: string;
  log: (message: string) => void;
}

/** What the sandbox-only controls reach beyond the account's objects. */
export interface SandboxControls {
  webhooks: WebhookDispatcher;
  /** Forgets every object, event, delivery and idempotency key; keeps webhook endpoints. */
  reset: () => void;
}

/** Everything a handler may touch while serving one request. */
export interface RequestContext {
  state: SandboxState;
  config: SandboxConfig;
  controls: SandboxControls;
  params: Params;
  pathParams: Record<string, string>;
  credential: Credential;
  requestId: string;
  idempotencyKey: string | null;
  /** Where browsers reach this sandbox, e.g. `http://127.0.0.1:12111`. */
  baseUrl: string;
  /** Records an event now (snapshotting `object`); webhooks go out after the response is sent. */
  emit: (type: string, object: ApiObject) => void;
}

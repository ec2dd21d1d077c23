import type { RequestContext } from "./context";

/**
 * Who may call a route:
 * - `secret`: a secret key (`sk_test_…`);
 * - `publishable`: a secret or a publishable key (`pk_test_…`);
 * - `client_secret`: a secret key, or a publishable key with the `client_secret` of the intent
 *   named by the path's `:id` (browser confirmation);
 * - `control`: the sandbox's test controls, with `Authorization: Bearer <control token>`;
 * - `none`: static assets, and the 3-D Secure pages and outcomes (they require the intent's
 *   `client_secret`, like Stripe's hosted challenge).
 */
export type Access = "secret" | "publishable" | "client_secret" | "control" | "none";

/** A non-JSON answer (HTML, script, redirect) or a JSON one with another status. */
export class RawReply {
  constructor(
    readonly status: number,
    readonly contentType: string | null,
    readonly body: string,
    readonly headers: Record<string, string> = {},
  ) {}

  static json(status: number, body: unknown): RawReply {
    return new RawReply(status, "application/json", JSON.stringify(body, null, 2));
  }

  static redirect(location: string): RawReply {
    return new RawReply(303, null, "", { Location: location });
  }
}

export type Handler = (ctx: RequestContext) => unknown;

export interface Route {
  method: string;
  path: string;
  pattern: RegExp;
  keys: string[];
  access: Access;
  handler: Handler;
}

/** `route("GET", "/v1/customers/:id", handler)`: `:name` captures one path segment. */
export function route(method: string, path: string, handler: Handler, access: Access = "secret"): Route {
  const keys: string[] = [];
  const source = path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/:(\w+)/g, (_match, key: string) => {
    keys.push(key);
    return "([^/]+)";
  });
  return { method, path, pattern: new RegExp(`^${source}$`), keys, access, handler };
}

export type RouteMatch = { route: Route; pathParams: Record<string, string> };

export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch | null {
  for (const candidate of routes) {
    const match = candidate.method === method ? candidate.pattern.exec(path) : null;
    if (!match) continue;
    const pathParams = Object.fromEntries(candidate.keys.map((key, i) => [key, decodeURIComponent(match[i + 1])]));
    return { route: candidate, pathParams };
  }
  return null;
}

import { z } from "zod";
import { AppError, toPublicError } from "@/lib/errors";
import { authorizeApiKey, type TApiKeyActor } from "@/lib/auth/authorize-api-key";
import { createRateLimiter } from "@/lib/rate-limit";
import { readLimitedBody } from "@/lib/http/read-limited-body";

const MAX_BODY_BYTES = 64 * 1024;
/** 1,200 requests a minute sustained, bursts of 100 (DESIGN.md, API rule 7); tunable for load tests. */
const apiLimiter = createRateLimiter({
  capacity: Number(process.env.API_RATE_LIMIT_BURST ?? 100),
  refillPerSecond: Number(process.env.API_RATE_LIMIT_PER_MINUTE ?? 1200) / 60,
});

export type TApiContext<P> = { actor: TApiKeyActor; request: Request; params: P; body: unknown };

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

export function errorResponse(error: unknown): Response {
  const { status, body } = toPublicError(error);
  const headers: Record<string, string> = {};
  const retryAfter = (body.error as { retryAfter?: number }).retryAfter;
  if (status === 429 && retryAfter) headers["retry-after"] = String(retryAfter);
  return jsonResponse(status, body, headers);
}

/** Parses input with a zod schema; the first issue becomes `invalid_request` naming the field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue.path.join(".") || "body";
  throw new AppError("invalid_request", `Invalid \`${field}\`: ${issue.message}`, { field });
}

async function readJsonBody(request: Request): Promise<unknown> {
  if (request.method === "GET" || request.method === "HEAD") return undefined;
  const text = await readLimitedBody(request, MAX_BODY_BYTES, "64 KiB");
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_request", "The request body is not valid JSON.", { field: "body" });
  }
}

/**
 * Wraps a public API handler: API key → rate limit → body (≤ 64 KiB, JSON) → handler; errors
 * become `{error:{code,message}}` with their status, unknown ones a generic 500 with an id.
 */
export function apiRoute<P = Record<string, string>>(handler: (context: TApiContext<P>) => Promise<Response>) {
  return async (request: Request, routeContext: { params: Promise<P> }): Promise<Response> => {
    try {
      const actor = await authorizeApiKey(request.headers.get("authorization"));
      const wait = apiLimiter.take(actor.apiKeyId);
      if (wait > 0) throw new AppError("rate_limited", "Too many requests for this API key.", { retryAfter: wait });
      const body = await readJsonBody(request);
      const params = routeContext?.params ? await routeContext.params : ({} as P);
      return await handler({ actor, request, params, body });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

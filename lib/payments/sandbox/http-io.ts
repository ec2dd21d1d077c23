import type { IncomingMessage, ServerResponse } from "node:http";
import { SandboxError, type StripeErrorBody } from "./errors";
import type { Credential } from "./context";

const MAX_BODY_BYTES = 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new SandboxError(413, { type: "invalid_request_error", message: "Request body too large." }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/**
 * CORS for the app's Stripe.js-style browser calls: only an allowed origin (exactly) gets the
 * Access-Control headers; a page on any other site cannot read the sandbox's answers.
 */
export function setCorsHeaders(req: IncomingMessage, res: ServerResponse, allowedOrigins: readonly string[]): void {
  res.setHeader("Vary", "Origin");
  const origin = req.headers.origin;
  if (!origin || !allowedOrigins.includes(origin)) return;
  res.setHeader("Access-Control-Allow-Origin", origin);
  res.setHeader("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
  res.setHeader(
    "Access-Control-Allow-Headers",
    req.headers["access-control-request-headers"] ?? "Authorization, Content-Type, Idempotency-Key, Stripe-Version, Stripe-Account",
  );
  res.setHeader("Access-Control-Expose-Headers", "Request-Id, Idempotency-Key, Idempotent-Replayed, Stripe-Should-Retry, Stripe-Version");
  res.setHeader("Access-Control-Max-Age", "600");
}

/** `Authorization: Bearer <key>`, `Basic base64(<key>:)`, or the browser's `key` parameter. */
export function readCredential(req: IncomingMessage, keyParam: string | undefined): Credential {
  const header = req.headers.authorization ?? "";
  let key: string | undefined;
  if (header.startsWith("Bearer ")) key = header.slice(7).trim();
  else if (header.startsWith("Basic ")) key = Buffer.from(header.slice(6), "base64").toString("utf8").split(":")[0];
  key ||= keyParam;
  if (!key) return { kind: "none" };
  return key.startsWith("pk_") ? { kind: "publishable", key } : { kind: "secret", key };
}

/** 4xx answers are deterministic: tell the SDK not to retry them (409 and 429 excepted). */
export function errorHeaders(status: number): Record<string, string> {
  return status >= 400 && status < 500 && status !== 409 && status !== 429 ? { "Stripe-Should-Retry": "false" } : {};
}

export function errorPayload(body: StripeErrorBody): string {
  return JSON.stringify({ error: body }, null, 2);
}

export function send(res: ServerResponse, status: number, contentType: string | null, body: string, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (contentType) res.setHeader("Content-Type", contentType);
  res.setHeader("Content-Length", Buffer.byteLength(body));
  res.writeHead(status);
  res.end(body);
}

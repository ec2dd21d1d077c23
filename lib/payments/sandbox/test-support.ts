import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { publishableKeyFor, startStripeSandbox, type StripeSandbox, type StripeSandboxOptions } from "./index";

// Shared by the sandbox's own tests: a sandbox on a free port and the real SDK pointed at it.

export const HARNESS_SECRET_KEY = "sk_test_sandbox";
export const HARNESS_PUBLISHABLE_KEY = publishableKeyFor(HARNESS_SECRET_KEY);
/** The app origin the harness's sandbox allows in CORS. */
export const HARNESS_APP_ORIGIN = "http://localhost:3000";

export interface SandboxHarness {
  sandbox: StripeSandbox;
  stripe: Stripe;
  /** A sandbox-only control call (`/_sandbox/...`) with the control token, answered as JSON. */
  control: (method: "GET" | "POST", path: string, body?: Record<string, string>) => Promise<{ status: number; body: unknown }>;
}

export async function startHarness(options: Partial<StripeSandboxOptions> = {}): Promise<SandboxHarness> {
  const sandbox = await startStripeSandbox({
    port: 0,
    log: false,
    retrySchedule: [50, 100, 150],
    secretKey: HARNESS_SECRET_KEY,
    allowedOrigins: [HARNESS_APP_ORIGIN],
    ...options,
  });
  const stripe = new Stripe(HARNESS_SECRET_KEY, { host: "127.0.0.1", port: sandbox.port, protocol: "http", maxNetworkRetries: 0 });
  const control: SandboxHarness["control"] = async (method, path, body) => {
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${sandbox.controlToken}`, ...(body ? { "Content-Type": "application/x-www-form-urlencoded" } : {}) },
      body: body ? new URLSearchParams(body).toString() : undefined,
    });
    return { status: response.status, body: await response.json() };
  };
  return { sandbox, stripe, control };
}

export interface ReceivedWebhook {
  body: string;
  headers: IncomingHttpHeaders;
}

/** A webhook receiver answering each request with the next status of `statuses` (then 200). */
export async function startReceiver(statuses: number[] = []) {
  const received: ReceivedWebhook[] = [];
  const queue = [...statuses];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ body: Buffer.concat(chunks).toString("utf8"), headers: req.headers });
      res.writeHead(queue.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/stripe`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The error a rejected SDK call threw, for assertions on its class and fields. */
export async function caught(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) return error;
    throw error;
  }
  throw new Error("Expected the call to fail");
}

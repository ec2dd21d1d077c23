import { mkdtempSync, readFileSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appEnv } from "./app-env.mjs";
import { listenHost } from "./listen-host.mjs";
import { PEER_ADDRESS_HEADER, stampPeerAddress } from "./peer-address.mjs";

// The demo is what people run first: what it exposes by default, and which secrets it shares.
describe("the demo's doors", () => {
  it("listens on loopback unless HOST is set", () => {
    expect(listenHost({})).toBe("127.0.0.1");
    expect(listenHost({ HOST: "" })).toBe("127.0.0.1");
    expect(listenHost({ HOST: "0.0.0.0" })).toBe("0.0.0.0");
  });

  it("stamps the socket's peer address over any forged header", () => {
    const req = { headers: { [PEER_ADDRESS_HEADER]: "127.0.0.1" }, socket: { remoteAddress: "203.0.113.9" } } as unknown as IncomingMessage;
    stampPeerAddress(req);
    expect(req.headers[PEER_ADDRESS_HEADER]).toBe("203.0.113.9");
  });

  it("uses a STRIPE_WEBHOOK_SECRET that is set, keeps generated sandbox secrets, and the sandbox key pair", () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "refill-env-"));
    const saved = { ...process.env };
    try {
      delete process.env.STRIPE_SECRET_KEY;
      delete process.env.STRIPE_SANDBOX_CONTROL_TOKEN;
      delete process.env.STRIPE_SANDBOX_SECRET_KEY;
      process.env.STRIPE_WEBHOOK_SECRET = "whsec_mine";
      const env: Record<string, string | undefined> = appEnv({ dataDir, port: 3000, databaseUrl: "postgresql://x", sandboxPort: 12111 });
      expect(env.STRIPE_WEBHOOK_SECRET).toBe("whsec_mine");
      expect(env.STRIPE_SANDBOX_SECRET_KEY).toBe("sk_test_refill_sandbox");
      expect(env.STRIPE_SANDBOX_CONTROL_TOKEN).toMatch(/^[\w-]{32}$/);
      expect(readFileSync(path.join(dataDir, "stripe-sandbox-control-token"), "utf8")).toBe(env.STRIPE_SANDBOX_CONTROL_TOKEN);
      expect((appEnv({ dataDir, port: 3000, databaseUrl: "postgresql://x", sandboxPort: 12111 }) as Record<string, string>).STRIPE_SANDBOX_CONTROL_TOKEN).toBe(env.STRIPE_SANDBOX_CONTROL_TOKEN);
    } finally {
      process.env = saved;
    }
  });
});

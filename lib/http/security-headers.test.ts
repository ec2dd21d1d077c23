import { describe, expect, it } from "vitest";
import { securityHeaders } from "@/lib/http/security-headers";

describe("security headers", () => {
  it("allow only this origin and the sandbox for scripts and API calls, and forbid framing", () => {
    const headers = securityHeaders({ production: true, sandboxOrigin: "http://127.0.0.1:12111", nonce: "abc123" });
    const csp = headers["content-security-policy"];
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic' http://127.0.0.1:12111;");
    expect(csp).not.toContain("'unsafe-inline' http");
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:12111");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("stripe.com");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  });

  it("name Stripe's own origins when real Stripe is configured", () => {
    const csp = securityHeaders({ production: true, sandboxOrigin: null, nonce: "n" })["content-security-policy"];
    expect(csp).toContain("script-src 'self' 'nonce-n' 'strict-dynamic' https://js.stripe.com https://*.js.stripe.com;");
    expect(csp).toContain("connect-src 'self' https://api.stripe.com;");
    expect(csp).toContain("frame-src https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com;");
  });
});

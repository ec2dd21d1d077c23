import { describe, expect, it } from "vitest";
import { securityHeaders } from "@/lib/http/security-headers";

describe("security headers", () => {
  it("allow only this origin and the sandbox for scripts and API calls, and forbid framing", () => {
    const headers = securityHeaders({ production: true, sandboxOrigin: "http://127.0.0.1:12111" });
    const csp = headers["content-security-policy"];
    expect(csp).toContain("script-src 'self' 'unsafe-inline' http://127.0.0.1:12111");
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:12111");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("stripe.com");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  });

  it("name Stripe's own origins when real Stripe is configured", () => {
    const csp = securityHeaders({ production: true, sandboxOrigin: null })["content-security-policy"];
    expect(csp).toContain("https://js.stripe.com");
    expect(csp).toContain("https://api.stripe.com");
  });
});

/**
 * Security headers for every response. The Content-Security-Policy allows only this origin
 * and what the payment form needs: Stripe.js and its API, or the local Stripe sandbox.
 */
export function securityHeaders(options: { production: boolean; sandboxOrigin: string | null }): Record<string, string> {
  const payments = options.sandboxOrigin ? [options.sandboxOrigin] : ["https://js.stripe.com", "https://api.stripe.com"];
  const frames = options.sandboxOrigin ? [options.sandboxOrigin] : ["https://js.stripe.com", "https://hooks.stripe.com"];
  const directives = [
    "default-src 'self'",
    // Next.js inlines its bootstrap scripts; development also needs eval for fast refresh.
    `script-src 'self' 'unsafe-inline'${options.production ? "" : " 'unsafe-eval'"} ${payments.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${payments.join(" ")}`,
    `frame-src ${frames.join(" ")}`,
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ];
  return {
    "content-security-policy": directives.join("; "),
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(self)",
    ...(options.production && process.env.NEXTAUTH_URL?.startsWith("https://") ? { "strict-transport-security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** The sandbox's origin as browsers reach it, when the sandbox is the gateway. */
export function sandboxOrigin(): string | null {
  if (process.env.STRIPE_SECRET_KEY) return null;
  if (process.env.STRIPE_SANDBOX_PUBLIC_URL) return new URL(process.env.STRIPE_SANDBOX_PUBLIC_URL).origin;
  return `http://${process.env.STRIPE_SANDBOX_HOST ?? "127.0.0.1"}:${process.env.STRIPE_SANDBOX_PORT ?? 12111}`;
}

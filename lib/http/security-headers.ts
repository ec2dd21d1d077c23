// Stripe's documented CSP origins for Stripe.js and card Elements with 3-D Secure.
const STRIPE_SCRIPTS = ["https://js.stripe.com", "https://*.js.stripe.com"];
const STRIPE_CONNECT = ["https://api.stripe.com"];
const STRIPE_FRAMES = ["https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"];

/**
 * Security headers for every response. The Content-Security-Policy allows only this origin
 * and what the payment form needs (Stripe.js and its API, or the local Stripe sandbox), and no
 * inline script but those carrying this response's `nonce` (Next adds it to its own scripts);
 * scripts those load (Stripe.js) are trusted through 'strict-dynamic'.
 */
export function securityHeaders(options: { production: boolean; sandboxOrigin: string | null; nonce: string }): Record<string, string> {
  const scripts = options.sandboxOrigin ? [options.sandboxOrigin] : STRIPE_SCRIPTS;
  const connect = options.sandboxOrigin ? [options.sandboxOrigin] : STRIPE_CONNECT;
  const frames = options.sandboxOrigin ? [options.sandboxOrigin] : STRIPE_FRAMES;
  const directives = [
    "default-src 'self'",
    // Development also needs eval for fast refresh. The origins are for browsers without 'strict-dynamic'.
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.production ? "" : " 'unsafe-eval'"} ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${connect.join(" ")}`,
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

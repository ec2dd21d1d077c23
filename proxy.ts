import { NextResponse, type NextRequest } from "next/server";
import { sandboxOrigin, securityHeaders } from "@/lib/http/security-headers";

// Adds security headers at request time: a fresh CSP nonce per request (Next reads it from the
// request's Content-Security-Policy and puts it on the scripts it renders, so pages render
// dynamically), and the payment origin this server was started with (the sandbox port differs
// between the demo and the tests). Not an auth layer: every page, action and route checks the
// session and role itself.
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = securityHeaders({ production: process.env.NODE_ENV === "production", sandboxOrigin: sandboxOrigin(), nonce });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", headers["content-security-policy"]);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// The JSON API is left out: its responses are not rendered by browsers, and it is the hot path.
export const config = { matcher: ["/((?!api/v1/|_next/static|_next/image|favicon.ico).*)"] };

import { NextResponse } from "next/server";
import { sandboxOrigin, securityHeaders } from "@/lib/http/security-headers";

// Adds security headers at request time, so the CSP names the payment origin this server was
// started with (the sandbox port differs between the demo and the tests). Not an auth layer:
// every page, action and route checks the session and role itself.
export function proxy() {
  const response = NextResponse.next();
  const headers = securityHeaders({ production: process.env.NODE_ENV === "production", sandboxOrigin: sandboxOrigin() });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// The JSON API is left out: its responses are not rendered by browsers, and it is the hot path.
export const config = { matcher: ["/((?!api/v1/|_next/static|_next/image|favicon.ico).*)"] };

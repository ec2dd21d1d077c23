/** The app's public base URL: NEXTAUTH_URL when set (it must match what browsers use), else the request host. */
export function appBaseUrl(requestHeaders?: Headers): string {
  if (process.env.NEXTAUTH_URL) return process.env.NEXTAUTH_URL.replace(/\/$/, "");
  const host = requestHeaders?.get("host") ?? "localhost:3000";
  return `http://${host}`;
}

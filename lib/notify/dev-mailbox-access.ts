/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 (how a dual-stack socket reports 127.0.0.1). */
export function isLoopbackAddress(address: string): boolean {
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  return address === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/**
 * Whether the dev mailbox (every tenant's emails, magic links included) may answer: only on a
 * server without SMTP that turned it on (the demo, the tests), and only to a loopback client,
 * as reported by the app server's own peer-address header (scripts/serve-app.mjs). Under a
 * server that does not set that header (plain `next start`) nobody is let in: a client could
 * send the header itself.
 */
export function devMailboxAllows(options: { env: Record<string, string | undefined>; header: (name: string) => string | null }): boolean {
  const { env } = options;
  if (env.REFILL_DEV_MAILBOX !== "1" || env.SMTP_URL) return false;
  const peerHeader = env.REFILL_PEER_ADDRESS_HEADER;
  if (!peerHeader) return false;
  const peer = options.header(peerHeader);
  return peer !== null && isLoopbackAddress(peer);
}

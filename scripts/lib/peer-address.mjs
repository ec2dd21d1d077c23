/** The header carrying the TCP peer's address (lib/notify/dev-mailbox-access.ts reads it). */
export const PEER_ADDRESS_HEADER = "x-refill-peer-address";

/** Overwrites whatever the client sent in PEER_ADDRESS_HEADER with the socket's peer address. */
export function stampPeerAddress(req) {
  req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
}

// The production app server of the demo and the e2e suite: Next's request handler behind a plain
// node:http server bound to 127.0.0.1 unless HOST is set (`next start` listens on every interface).
// It stamps each request with the socket's peer address in a header no client can forge (any
// incoming copy is overwritten), which the dev mailbox uses to answer loopback clients only.
import http from "node:http";
import next from "next";
import { listenHost } from "./lib/listen-host.mjs";
import { PEER_ADDRESS_HEADER, stampPeerAddress } from "./lib/peer-address.mjs";

const port = Number(process.env.PORT ?? 3000);
const hostname = listenHost(process.env);
// Read by the app in this same process: the header above is trustworthy here.
process.env.REFILL_PEER_ADDRESS_HEADER = PEER_ADDRESS_HEADER;

const app = next({ dev: false, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();
const server = http.createServer((req, res) => {
  stampPeerAddress(req);
  handle(req, res);
});
server.listen(port, hostname, () => console.log(`[app] listening on http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${port}`));
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}

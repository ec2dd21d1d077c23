// The embedded database: PGlite (Postgres compiled to WebAssembly) behind pglite-socket, so the
// app and the Prisma CLI reach it over the ordinary Postgres protocol with the same pg adapter.
import { mkdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

async function freePort(preferred) {
  const tryPort = (port) =>
    new Promise((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(null));
      server.listen(port, "127.0.0.1", () => {
        const chosen = server.address().port;
        server.close(() => resolve(chosen));
      });
    });
  return (await tryPort(preferred)) ?? (await tryPort(0));
}

const SYNC = 0x53; // 'S': ends an extended-protocol batch
const SIMPLE_QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'
const STARTUP = 0x00; // startup packets have no type byte; their length starts with 0

/**
 * pglite-socket serves every connection from one PGlite session and interleaves their protocol
 * messages one by one outside transactions, so one connection's Parse/Bind/Execute can land
 * between another's and bind to the wrong statement. This keeps each extended-protocol batch
 * (up to its Sync) together; transactions keep their connection as before.
 */
function keepProtocolBatchesTogether(server) {
  const queue = server.queryQueue;
  let batchOwner = null;
  const clearQueueForHandler = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId) => {
    if (batchOwner === handlerId) batchOwner = null;
    clearQueueForHandler(handlerId);
    setImmediate(() => queue.processQueue());
  };
  queue.processQueue = async function processQueue() {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = this.db.isInTransaction() && this.lastHandlerId ? this.lastHandlerId : batchOwner;
        const index = owner === null ? 0 : this.queue.findIndex((item) => item.handlerId === owner);
        if (index === -1) break;
        const [item] = this.queue.splice(index, 1);
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          batchOwner = null;
          item.reject(error);
          continue;
        }
        const type = item.message[0];
        batchOwner = type === SYNC || type === SIMPLE_QUERY || type === TERMINATE || type === STARTUP ? null : item.handlerId;
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
}

/** Starts the embedded database with its data under `dataDir`; resolves to its URL and a stop(). */
export async function startEmbeddedPostgres({ dataDir, port = 54329 }) {
  const folder = path.resolve(dataDir, "pglite");
  mkdirSync(folder, { recursive: true });
  const db = await PGlite.create(folder);
  const chosenPort = await freePort(port);
  const server = new PGLiteSocketServer({ db, port: chosenPort, host: "127.0.0.1", maxConnections: 32 });
  keepProtocolBatchesTogether(server);
  await server.start();
  // The application name tells the app it runs on the embedded database (lib/db.ts).
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${chosenPort}/postgres?sslmode=disable&application_name=refill-embedded`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

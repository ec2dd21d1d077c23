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

/** Starts the embedded database with its data under `dataDir`; resolves to its URL and a stop(). */
export async function startEmbeddedPostgres({ dataDir, port = 54329 }) {
  const folder = path.resolve(dataDir, "pglite");
  mkdirSync(folder, { recursive: true });
  const db = await PGlite.create(folder);
  const chosenPort = await freePort(port);
  const server = new PGLiteSocketServer({ db, port: chosenPort, host: "127.0.0.1", maxConnections: 32 });
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${chosenPort}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

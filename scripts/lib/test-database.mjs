// A fresh database per test run: a new database on the PostgreSQL of DATABASE_URL, or the
// embedded database in a temporary folder when DATABASE_URL is unset. Migrations applied.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded-postgres.mjs";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/** Asynchronous: an embedded database served by this same process must keep answering. */
export function applyMigrations(databaseUrl) {
  return new Promise((resolve, reject) => {
    const child = spawn("node", ["scripts/prisma.mjs", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: databaseUrl } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`prisma migrate deploy failed:\n${output}`))));
  });
}

export async function createTestDatabase(label) {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), `refill-${label}-`));
    const embedded = await startEmbeddedPostgres({ dataDir, port: 0 });
    await applyMigrations(embedded.url);
    return {
      url: embedded.url,
      async drop() {
        await embedded.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const admin = new URL(baseUrl);
  if (!LOCAL_HOSTS.has(admin.hostname)) throw new Error(`Refusing to test against a non-local database (${admin.hostname}).`);
  const name = `refill_${label}_${Date.now()}_${process.pid}`;
  const adminClient = new pg.Client({ connectionString: baseUrl });
  await adminClient.connect();
  await adminClient.query(`CREATE DATABASE "${name}"`);
  await adminClient.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

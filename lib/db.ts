import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { CatalogSafePool } from "@/lib/db/catalog-safe-pool";

export type { Prisma } from "@/lib/generated/prisma/client";

function createPrisma() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set (npm run demo sets it to the embedded database).");
  const pool = new CatalogSafePool({ connectionString, max: Number(process.env.DB_POOL_SIZE ?? 10), namedStatements: !usesEmbeddedDatabase() });
  // An idle client dropped by a database restart must not crash the process; the pool reconnects.
  pool.on("error", (error) => console.error("[db] idle client error:", error.message));
  return { prisma: new PrismaClient({ adapter: new PrismaPg(pool) }), pool };
}

const globalForDb = globalThis as unknown as { refillDb?: ReturnType<typeof createPrisma> };

function database() {
  globalForDb.refillDb ??= createPrisma();
  return globalForDb.refillDb;
}

/** The one Prisma client of the process (created on first use). */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = database().prisma;
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** The embedded database (PGlite) marks its URL with this application name (scripts/lib/embedded-postgres.mjs). */
export const EMBEDDED_APPLICATION_NAME = "refill-embedded";

export function usesEmbeddedDatabase(): boolean {
  return (process.env.DATABASE_URL ?? "").includes(`application_name=${EMBEDDED_APPLICATION_NAME}`);
}

/** The pg pool behind Prisma, for the few hot paths that call SQL functions directly. */
export function pgPool() {
  return database().pool;
}

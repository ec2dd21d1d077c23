import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { CatalogSafePool } from "./lib/db/catalog-safe-pool";

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL must be set for every Prisma CLI call (scripts/prisma.mjs sets it).");
  return url;
}

/** Sends a migration script as one simple query: splitting on `;` breaks dollar-quoted bodies. */
function sendScriptWhole(adapter: PgAdapter, pool: CatalogSafePool): PgAdapter {
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      (adapter as unknown as { onError(e: unknown): never }).onError(error);
    }
  };
  return adapter;
}

/** The stock factory with the three offline fixes: catalog types, whole scripts, shadow db. */
class MigrationSafePgFactory extends PrismaPg {
  constructor(private readonly connectionString: string) {
    super(new CatalogSafePool({ connectionString, max: 4 }), { disposeExternalPool: true });
  }

  override async connect(): Promise<PgAdapter> {
    const adapter = await super.connect();
    return sendScriptWhole(adapter, adapter.underlyingDriver() as CatalogSafePool);
  }

  override async connectToShadowDb(): Promise<PgAdapter> {
    const admin = new CatalogSafePool({ connectionString: this.connectionString, max: 1 });
    const database = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
    await admin.query(`CREATE DATABASE "${database}"`);
    const shadowUrl = new URL(this.connectionString);
    shadowUrl.pathname = `/${database}`;
    const shadowFactory = new PrismaPg(new CatalogSafePool({ connectionString: shadowUrl.toString(), max: 2 }), {
      disposeExternalPool: true,
    });
    const shadow = await shadowFactory.connect();
    const shadowPool = shadow.underlyingDriver() as CatalogSafePool;
    sendScriptWhole(shadow, shadowPool);
    const disposeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await disposeShadow();
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
    };
    return shadow;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations"), seed: "tsx scripts/seed-demo.ts" },
  async adapter() {
    return new MigrationSafePgFactory(databaseUrl());
  },
});

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffFunctions, readDatabaseFunctions, readSourceFunctions } from "../scripts/lib/sql-functions.mjs";

// The migrations and prisma/sql/functions must say the same: a function edited in its file
// without a migration (npm run db:sql-migration), or changed by a hand-written migration
// without its file, fails here.
describe("the ledger's SQL functions", () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  it("in the freshly migrated database are exactly the source files", async () => {
    const database = await readDatabaseFunctions(client);
    const sources = readSourceFunctions(process.cwd());
    expect(diffFunctions(database, sources)).toEqual({ changed: [], removed: [] });
    expect(database.size).toBeGreaterThan(30);
  });

  it("reports a file that no migration applied, and a function whose file is gone", async () => {
    const database = await readDatabaseFunctions(client);
    const sources = new Map(readSourceFunctions(process.cwd()));
    sources.set("credits_total", `${sources.get("credits_total")!.replace(";\n", "")}\n-- edited;\n`);
    sources.delete("credits_iso");
    expect(diffFunctions(database, sources)).toEqual({ changed: ["credits_total"], removed: ["credits_iso"] });
  });
});

// npm run db:sql-migration -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql
// with every function file that differs from a freshly migrated database (CREATE OR REPLACE)
// and a DROP for each function whose file was deleted. Edit the .sql file, run this, commit both.
// `-- --extract` writes the files from the migrations instead (after a hand-written migration).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { createTestDatabase } from "./lib/test-database.mjs";
import { diffFunctions, FUNCTIONS_DIR, readDatabaseFunctions, readSourceFunctions } from "./lib/sql-functions.mjs";

function extractFiles(current) {
  mkdirSync(FUNCTIONS_DIR, { recursive: true });
  for (const [fn, { source }] of current) writeFileSync(path.join(FUNCTIONS_DIR, `${fn}.sql`), source);
  console.log(`Wrote ${current.size} files to ${FUNCTIONS_DIR}.`);
}

function writeMigration(name, current) {
  const sources = readSourceFunctions(process.cwd());
  const { changed, removed } = diffFunctions(current, sources);
  if (changed.length === 0 && removed.length === 0) {
    console.log(`Every function in ${FUNCTIONS_DIR} matches the migrations: nothing to write.`);
    return;
  }
  // CREATE OR REPLACE cannot change a signature (it would add an overload): drop the old one first.
  const header = (source) => source.split("\n")[0];
  const resigned = changed.filter((fn) => current.has(fn) && header(current.get(fn).source) !== header(sources.get(fn)));
  const drops = [...removed, ...resigned].map((fn) => `DROP FUNCTION ${fn}(${current.get(fn).args});\n`);
  const creates = changed.map((fn) => `-- ${FUNCTIONS_DIR}/${fn}.sql\n${sources.get(fn)}`);
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join("prisma/migrations", `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), `-- Written by scripts/sql-migration.mjs from ${FUNCTIONS_DIR}.\n${[...drops, ...creates].join("\n")}`);
  console.log(`Wrote ${dir}/migration.sql: ${changed.length} changed, ${removed.length} removed (${[...changed, ...removed].join(", ")}).`);
}

const name = process.argv[2];
if (!name || !(name === "--extract" || /^[a-z0-9_]+$/.test(name))) {
  console.error("Usage: npm run db:sql-migration -- <snake_case_name> | --extract");
  process.exit(2);
}
const database = await createTestDatabase("sqlmigration");
try {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const current = await readDatabaseFunctions(client);
  await client.end();
  if (name === "--extract") extractFiles(current);
  else writeMigration(name, current);
} finally {
  await database.drop();
}

// The ledger's PL/pgSQL functions as source files: prisma/sql/functions/<name>.sql, each exactly
// what PostgreSQL prints for it (pg_get_functiondef) followed by ";". The database is the
// reference: a file is "changed" when it differs from the definition in a freshly migrated one.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const FUNCTIONS_DIR = "prisma/sql/functions";

/** Function definitions of the public schema (not those of extensions), by file name. */
export async function readDatabaseFunctions(client) {
  const { rows } = await client.query(`
    SELECT p.proname AS name, pg_get_function_identity_arguments(p.oid) AS args, pg_get_functiondef(p.oid) AS definition
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'public' AND p.prokind = 'f'
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
    ORDER BY p.proname, args`);
  const byName = new Map();
  for (const row of rows) {
    if (byName.has(row.name)) throw new Error(`${row.name} is overloaded: give each variant its own name so it has its own file`);
    byName.set(row.name, { args: row.args, source: normalizeDefinition(row.definition) });
  }
  return byName;
}

/** One form for comparing: trailing whitespace trimmed, ending in ";\n". */
export function normalizeDefinition(text) {
  const trimmed = text.replace(/\r\n/g, "\n").replace(/[ \t]+$/gm, "").trim().replace(/;$/, "").trimEnd();
  return `${trimmed};\n`;
}

/** The source files, by function name. */
export function readSourceFunctions(root) {
  const dir = path.join(root, FUNCTIONS_DIR);
  const byName = new Map();
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".sql")).sort()) {
    byName.set(file.replace(/\.sql$/, ""), normalizeDefinition(readFileSync(path.join(dir, file), "utf8")));
  }
  return byName;
}

/** What a new migration must do so the database matches the files. */
export function diffFunctions(database, sources) {
  const changed = [...sources].filter(([name, source]) => database.get(name)?.source !== source).map(([name]) => name);
  const removed = [...database.keys()].filter((name) => !sources.has(name));
  return { changed, removed };
}

import { invalidRequest, type SandboxError } from "./errors";

// Stripe's search query language (docs: "Search query language"), for the search endpoints:
//   clause   := ["-"] field [ "[" quoted-key "]" ] operator value
//   operator := ":" (exact, case-insensitive) | "~" (substring, at least 3 characters)
//             | ">" | "<" | "=" | ">=" | "<=" (numeric fields only)
//   value    := "quoted" | 'quoted' (backslash escapes) | a bare number | null
//   query    := clause { ("AND" | "OR") clause }   (at most 10 clauses; AND and OR never mixed)
// `metadata['key']:null` matches objects without that key. The wording of the error messages is
// *(inferred)*: Stripe documents the language, not its messages.

export type SearchFieldKind = "string" | "number" | "metadata";
export type SearchOperator = ":" | "~" | ">" | "<" | "=" | ">=" | "<=";
export type SearchClause = { field: string; key: string | null; operator: SearchOperator; value: string | number | null; negated: boolean };
export type SearchQuery = { join: "AND" | "OR"; clauses: SearchClause[] };

const MAX_CLAUSES = 10;
const NUMERIC_OPERATORS = new Set<SearchOperator>([">", "<", "=", ">=", "<="]);

function invalid(detail: string): SandboxError {
  return invalidRequest(`Invalid search query: ${detail}`, { param: "query" });
}

class Cursor {
  pos = 0;
  constructor(readonly text: string) {}
  skipSpaces() {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }
  done() {
    this.skipSpaces();
    return this.pos >= this.text.length;
  }
  match(pattern: RegExp): string | null {
    const found = pattern.exec(this.text.slice(this.pos));
    if (!found || found.index !== 0) return null;
    this.pos += found[0].length;
    return found[0];
  }
  quoted(): string | null {
    const quote = this.text[this.pos];
    if (quote !== "'" && quote !== '"') return null;
    let out = "";
    for (let i = this.pos + 1; i < this.text.length; i++) {
      const ch = this.text[i];
      if (ch === "\\" && i + 1 < this.text.length) {
        out += this.text[++i];
      } else if (ch === quote) {
        this.pos = i + 1;
        return out;
      } else {
        out += ch;
      }
    }
    throw invalid(`unterminated string starting at position ${this.pos}.`);
  }
}

function parseClause(cursor: Cursor, fields: Record<string, SearchFieldKind>): SearchClause {
  cursor.skipSpaces();
  const negated = cursor.match(/-/) !== null;
  const field = cursor.match(/[a-z_]+/);
  if (!field) throw invalid(`expected a field name at position ${cursor.pos}.`);
  const kind = fields[field];
  if (!kind) throw invalid(`the field \`${field}\` is not searchable here (searchable: ${Object.keys(fields).join(", ")}).`);
  let key: string | null = null;
  if (cursor.match(/\[/)) {
    key = cursor.quoted();
    if (key === null || !cursor.match(/\]/)) throw invalid(`expected ${field}['key'] at position ${cursor.pos}.`);
  }
  if ((kind === "metadata") !== (key !== null)) throw invalid(kind === "metadata" ? `\`${field}\` needs a key: ${field}['key'].` : `\`${field}\` takes no key.`);
  const operator = cursor.match(/>=|<=|[:~><=]/) as SearchOperator | null;
  if (!operator) throw invalid(`expected an operator after \`${field}\` at position ${cursor.pos}.`);
  if (NUMERIC_OPERATORS.has(operator) && kind !== "number") throw invalid(`\`${operator}\` only compares numeric fields.`);
  const text = cursor.quoted();
  let value: string | number | null;
  if (text !== null) {
    value = kind === "number" && /^-?\d+$/.test(text) ? Number(text) : text;
  } else {
    const bare = cursor.match(/[^\s]+/);
    if (bare === null) throw invalid(`expected a value after \`${field}${operator}\`.`);
    if (bare.toLowerCase() === "null") value = null;
    else if (/^-?\d+$/.test(bare)) value = Number(bare);
    else throw invalid(`the value \`${bare}\` must be quoted.`);
  }
  if (operator === "~" && (typeof value !== "string" || value.length < 3)) throw invalid("`~` needs a quoted value of at least 3 characters.");
  if (NUMERIC_OPERATORS.has(operator) && typeof value !== "number") throw invalid(`\`${field}${operator}\` needs a number.`);
  if (kind === "number" && operator === ":" && typeof value !== "number" && value !== null) throw invalid(`\`${field}\` is numeric.`);
  return { field, key, operator, value, negated };
}

/** Parses a query against the searchable fields of one resource; a bad query is a 400 on `query`. */
export function parseSearchQuery(text: string, fields: Record<string, SearchFieldKind>): SearchQuery {
  const cursor = new Cursor(text);
  if (cursor.done()) throw invalid("the query is empty.");
  const clauses = [parseClause(cursor, fields)];
  let join: "AND" | "OR" | null = null;
  while (!cursor.done()) {
    const word = cursor.match(/(AND|OR)(?=\s)/i);
    if (!word) throw invalid(`expected AND or OR at position ${cursor.pos}.`);
    const next = word.toUpperCase() as "AND" | "OR";
    if (join && join !== next) throw invalid("AND and OR cannot be combined in one query.");
    join = next;
    clauses.push(parseClause(cursor, fields));
    if (clauses.length > MAX_CLAUSES) throw invalid(`at most ${MAX_CLAUSES} clauses are allowed.`);
  }
  return { join: join ?? "AND", clauses };
}

/** What an object holds for a field (`key` for metadata); null or undefined when it has none. */
export type SearchFieldReader<T> = (object: T, field: string, key: string | null) => string | number | null | undefined;

function clauseHolds<T>(clause: SearchClause, object: T, read: SearchFieldReader<T>): boolean {
  const actual = read(object, clause.field, clause.key);
  if (clause.value === null) return actual === null || actual === undefined || actual === "";
  if (actual === null || actual === undefined) return false;
  if (typeof clause.value === "number") {
    const n = Number(actual);
    switch (clause.operator) {
      case ">": return n > clause.value;
      case "<": return n < clause.value;
      case ">=": return n >= clause.value;
      case "<=": return n <= clause.value;
      default: return n === clause.value;
    }
  }
  const have = String(actual).toLowerCase();
  const want = clause.value.toLowerCase();
  return clause.operator === "~" ? have.includes(want) : have === want;
}

export function matchesSearch<T>(query: SearchQuery, object: T, read: SearchFieldReader<T>): boolean {
  const results = query.clauses.map((clause) => clauseHolds(clause, object, read) !== clause.negated);
  return query.join === "AND" ? results.every(Boolean) : results.some(Boolean);
}

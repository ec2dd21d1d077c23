// Stripe's request encoding: `application/x-www-form-urlencoded` with nested keys
// (`a[b][c]=v`, arrays `a[0]=x` or `a[]=x`), the same encoding in the query of GET/DELETE,
// and JSON bodies. An empty value is kept as "" and means "unset" to the handlers.

export type ParamValue = string | Params | ParamValue[];
export interface Params {
  [key: string]: ParamValue;
}

type Container = Params | ParamValue[];

function splitKey(key: string): string[] {
  const open = key.indexOf("[");
  if (open <= 0 || !key.endsWith("]")) return [key];
  const head = key.slice(0, open);
  const rest = key.slice(open + 1, -1).split("][");
  return [head, ...rest];
}

function isIndex(segment: string): boolean {
  return segment === "" || /^\d+$/.test(segment);
}

function child(container: Container, segment: string, nextIsIndex: boolean): Container | null {
  const existing = Array.isArray(container) ? container[Number(segment)] : container[segment];
  if (existing !== undefined) return typeof existing === "string" ? null : existing;
  const created: Container = nextIsIndex ? [] : {};
  if (Array.isArray(container)) container[segment === "" ? container.length : Number(segment)] = created;
  else container[segment] = created;
  return created;
}

function assign(root: Params, key: string, value: string): void {
  const segments = splitKey(key);
  let container: Container = root;
  for (let i = 0; i < segments.length - 1; i++) {
    const next = child(container, segments[i], isIndex(segments[i + 1]));
    if (next === null) return; // `a=1&a[b]=2`: the scalar wins, as a malformed request deserves
    container = next;
  }
  const last = segments[segments.length - 1];
  if (Array.isArray(container)) container[last === "" ? container.length : Number(last)] = value;
  else container[last] = value;
}

/** Drops the holes a sparse `a[0]`, `a[5]` encoding leaves. */
function compact(value: ParamValue): ParamValue {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(compact);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compact(v)]));
}

export function parseFormEncoded(text: string): Params {
  const root: Params = {};
  for (const [key, value] of new URLSearchParams(text)) assign(root, key, value);
  return compact(root) as Params;
}

/** JSON scalars become the strings the form encoding would have carried; null unsets. */
function fromJson(value: unknown): ParamValue {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(fromJson);
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, fromJson(v)]));
  }
  return String(value);
}

export function parseJsonBody(text: string): Params {
  const parsed: unknown = JSON.parse(text);
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("The JSON body must be an object.");
  return fromJson(parsed) as Params;
}

/** Query parameters merged with the body (the body wins), parsed by content type. */
export function parseRequestParams(query: string, body: string, contentType: string | undefined): Params {
  const fromQuery = parseFormEncoded(query);
  if (!body.trim()) return fromQuery;
  const fromBody = contentType?.includes("application/json") ? parseJsonBody(body) : parseFormEncoded(body);
  return { ...fromQuery, ...fromBody };
}

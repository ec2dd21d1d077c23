import type { SandboxState } from "./state";

// `expand[]`: replace an id at a dotted path by the object it names (`latest_charge`,
// `payment_method`, `customer`, `invoice_settings.default_payment_method`, `data.customer` in
// lists, `latest_charge.payment_method`…). Works on a JSON copy, never on stored objects.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function expandPath(state: SandboxState, value: Json, segments: string[]): Json {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => expandPath(state, item, segments));
  const [head, ...rest] = segments;
  let target = value[head];
  if (typeof target === "string") {
    const found = state.lookup(target);
    if (found) target = JSON.parse(JSON.stringify(found)) as Json;
  }
  if (target === undefined) return value;
  return { ...value, [head]: rest.length > 0 ? expandPath(state, target, rest) : target };
}

export function applyExpand<T>(state: SandboxState, body: T, paths: readonly string[]): T {
  let result = JSON.parse(JSON.stringify(body)) as Json;
  for (const path of paths) result = expandPath(state, result, path.split("."));
  return result as T;
}

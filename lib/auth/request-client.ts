/**
 * Who is asking, for rate limits: the address the nearest proxy saw (the last `x-forwarded-for`
 * hop; `next start` sets it to the socket's address when no proxy did), else `x-real-ip`.
 * Without a proxy a client can choose this value, which only lets it spread its own attempts
 * over more per-client buckets: the per-address limit still holds.
 */
export function requestClient(headers: Headers | Record<string, string | string[] | undefined> | undefined): string {
  const read = (name: string): string | undefined => {
    if (!headers) return undefined;
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value.join(",") : value;
  };
  const hops = (read("x-forwarded-for") ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
  return (hops.at(-1) ?? read("x-real-ip")?.trim() ?? "unknown").slice(0, 100);
}

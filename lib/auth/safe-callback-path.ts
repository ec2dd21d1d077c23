/**
 * Where to go after sign-in, made safe: the callback is resolved against the app's origin the
 * way a browser would (backslashes, tabs and newlines included), must stay on that origin, and
 * only its path, query and hash are kept. Anything else, or a path a browser would read as
 * another host (`//…`), becomes `/`.
 */
export function safeCallbackPath(raw: string | null | undefined, appOrigin: string): string {
  if (!raw) return "/";
  let origin: string;
  let url: URL;
  try {
    origin = new URL(appOrigin).origin;
    url = new URL(raw, origin);
  } catch {
    return "/";
  }
  if (url.origin !== origin) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("/") && !path.startsWith("//") ? path : "/";
}

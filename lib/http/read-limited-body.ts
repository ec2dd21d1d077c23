import { AppError } from "@/lib/errors";

/**
 * The request body as text, read chunk by chunk and abandoned as soon as it passes `maxBytes`
 * (a declared Content-Length over it is refused unread): a chunked body of any size costs at
 * most `maxBytes` of memory. Throws `payload_too_large` (413).
 */
export async function readLimitedBody(request: Request, maxBytes: number, what: string): Promise<string> {
  const tooLarge = () => new AppError("payload_too_large", `The request body is over ${what}.`);
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

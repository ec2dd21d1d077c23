import { toPublicError } from "@/lib/errors";

export type TActionResult<T> = ({ ok: true } & T) | { ok: false; error: { code: string; message: string } };

/** Runs a server action body; expected errors become their message, others a generic one with an id. */
export async function runAction<T extends object>(body: () => Promise<T>): Promise<TActionResult<T>> {
  try {
    return { ok: true, ...(await body()) };
  } catch (error) {
    const { body: publicBody } = toPublicError(error);
    return { ok: false, error: { code: String(publicBody.error.code), message: String(publicBody.error.message) } };
  }
}

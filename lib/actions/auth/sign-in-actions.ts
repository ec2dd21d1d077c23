"use server";

import { headers } from "next/headers";
import { requestMagicLink } from "@/lib/auth/magic-link";
import { ZRequestMagicLinkInput } from "@/lib/auth/schemas";
import { takeSignInAttempt } from "@/lib/auth/sign-in-limiter";
import { requestClient } from "@/lib/auth/request-client";
import { appBaseUrl } from "@/lib/app-url";

export type TMagicLinkState = { ok: boolean; message: string } | null;

/** Public by design (the signed-out user asks for a link); rate limited per address and per client. */
export async function requestMagicLinkAction(_previous: TMagicLinkState, formData: FormData): Promise<TMagicLinkState> {
  const parsed = ZRequestMagicLinkInput.safeParse({ email: formData.get("email") });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message };
  const requestHeaders = await headers();
  if ((await takeSignInAttempt({ kind: "magic-link", email: parsed.data.email, client: requestClient(requestHeaders) })) > 0) {
    return { ok: false, message: "Too many sign-in emails for this address. Please wait a minute and try again." };
  }
  await requestMagicLink({ email: parsed.data.email, baseUrl: appBaseUrl(requestHeaders) });
  return { ok: true, message: `If ${parsed.data.email} has an account, a sign-in link is on its way. It works once, for 15 minutes.` };
}

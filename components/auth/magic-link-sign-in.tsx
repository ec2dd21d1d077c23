"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";

type TProps = { token: string; email: string | null; signedInAs: string | null };

/**
 * Asks before exchanging an emailed token: opening someone else's link must not switch the
 * session to their account. The token is spent by the button's POST, once.
 */
export function MagicLinkSignIn({ token, email, signedInAs }: TProps) {
  const [state, setState] = useState<"ready" | "pending" | "failed">(email ? "ready" : "failed");
  const router = useRouter();

  async function continueAs() {
    setState("pending");
    const result = await signIn("magic-link", { token, redirect: false });
    if (result?.ok && !result.error) router.replace("/");
    else setState("failed");
  }

  if (state === "failed" || !email) {
    return (
      <div className="max-w-sm rounded-xl bg-white p-6 text-center shadow-sm ring-1 ring-slate-200" aria-live="polite">
        <h1 className="text-lg font-semibold">This link no longer works</h1>
        <p className="mt-2 text-sm text-slate-600">Sign-in links work once, for 15 minutes (invitations for 7 days).</p>
        <a href="/sign-in" className="mt-4 inline-block text-sm font-medium text-brand-600 underline">Ask for a new one</a>
      </div>
    );
  }

  const sameUser = signedInAs === email;
  return (
    <div className="w-full max-w-sm rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200" aria-live="polite">
      <h1 className="text-lg font-semibold">Sign in to Refill</h1>
      {sameUser ? (
        <>
          <p className="mt-2 text-sm text-slate-600">You are already signed in as <strong className="break-all">{email}</strong>.</p>
          <Link href="/" className="mt-4 inline-flex w-full items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">Go to Refill</Link>
        </>
      ) : (
        <>
          <p className="mt-2 text-sm text-slate-600">This link signs you in as <strong className="break-all">{email}</strong>.</p>
          {signedInAs && (
            <div className="mt-4">
              <Alert tone="warning">
                You are signed in as <strong className="break-all">{signedInAs}</strong>. Continuing signs you out of that account. If you did not
                ask for this link, close this page.
              </Alert>
            </div>
          )}
          <Button className="mt-4 w-full" onClick={continueAs} disabled={state === "pending"} autoFocus>
            {state === "pending" ? "Signing in…" : `Continue as ${email}`}
          </Button>
          <Link href="/" className="mt-3 block text-center text-sm text-slate-600 underline">Cancel</Link>
        </>
      )}
    </div>
  );
}

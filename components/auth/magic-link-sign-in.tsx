"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";

/** Exchanges the emailed token for a session once; the token is spent by the first exchange. */
export function MagicLinkSignIn({ token }: { token: string }) {
  const [failed, setFailed] = useState(false);
  const started = useRef(false);
  const router = useRouter();

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    signIn("magic-link", { token, redirect: false }).then((result) => {
      if (result?.ok && !result.error) router.replace("/");
      else setFailed(true);
    });
  }, [token, router]);

  return (
    <div className="max-w-sm rounded-xl bg-white p-6 text-center shadow-sm ring-1 ring-slate-200" aria-live="polite">
      {failed ? (
        <>
          <h1 className="text-lg font-semibold">This link no longer works</h1>
          <p className="mt-2 text-sm text-slate-600">Sign-in links work once, for 15 minutes (invitations for 7 days).</p>
          <a href="/sign-in" className="mt-4 inline-block text-sm font-medium text-brand-600 underline">Ask for a new one</a>
        </>
      ) : (
        <p className="text-sm text-slate-700">Signing you in…</p>
      )}
    </div>
  );
}

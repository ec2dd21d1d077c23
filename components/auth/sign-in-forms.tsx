"use client";

import { useActionState, useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { Alert, Field } from "@/components/ui/field";
import { requestMagicLinkAction, type TMagicLinkState } from "@/lib/actions/auth/sign-in-actions";

export function SignInForms({ initialError, callbackUrl }: { initialError?: string; callbackUrl: string }) {
  const router = useRouter();
  const [mode, setMode] = useState<"password" | "link">("password");
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);
  const [linkState, requestLink, linkPending] = useActionState<TMagicLinkState, FormData>(requestMagicLinkAction, null);

  async function signInWithPassword(formData: FormData) {
    setPending(true);
    setError(undefined);
    const result = await signIn("password", {
      email: String(formData.get("email") ?? ""),
      password: String(formData.get("password") ?? ""),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      router.replace(callbackUrl);
      return;
    }
    setPending(false);
    setError("Wrong email or password, or too many attempts. Try again in a moment.");
  }

  return (
    <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <div role="tablist" aria-label="Sign-in method" className="mb-5 grid grid-cols-2 gap-1 rounded-lg bg-slate-100 p-1 text-sm">
        {(["password", "link"] as const).map((value) => (
          <button
            key={value}
            role="tab"
            type="button"
            aria-selected={mode === value}
            onClick={() => setMode(value)}
            className={`rounded-md px-3 py-1.5 font-medium ${mode === value ? "bg-white shadow-sm" : "text-slate-600"}`}
          >
            {value === "password" ? "Password" : "Email link"}
          </button>
        ))}
      </div>
      {mode === "password" ? (
        <form action={signInWithPassword} className="space-y-4">
          {error && <Alert tone="error">{error}</Alert>}
          <Field id="email" name="email" type="email" label="Email" autoComplete="email" required />
          <Field id="password" name="password" type="password" label="Password" autoComplete="current-password" required />
          <Button type="submit" className="w-full" disabled={pending}>{pending ? "Signing in…" : "Sign in"}</Button>
        </form>
      ) : (
        <form action={requestLink} className="space-y-4">
          {linkState && <Alert tone={linkState.ok ? "success" : "error"}>{linkState.message}</Alert>}
          <Field id="link-email" name="email" type="email" label="Email" autoComplete="email" required hint="We email you a link that signs you in once." />
          <Button type="submit" className="w-full" disabled={linkPending}>{linkPending ? "Sending…" : "Email me a sign-in link"}</Button>
        </form>
      )}
    </div>
  );
}

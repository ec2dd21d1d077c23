import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getSessionUserId } from "@/lib/auth/authorize";
import { safeCallbackPath } from "@/lib/auth/safe-callback-path";
import { appBaseUrl } from "@/lib/app-url";
import { SignInForms } from "@/components/auth/sign-in-forms";
import { LogoMark } from "@/components/shell/logo-mark";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string; callbackUrl?: string }> }) {
  const { error, callbackUrl } = await searchParams;
  const safeCallback = safeCallbackPath(callbackUrl, appBaseUrl(await headers()));
  if (await getSessionUserId()) redirect(safeCallback);
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center gap-3 text-center">
          <LogoMark />
          <h1 className="text-2xl font-semibold tracking-tight">Sign in to Refill</h1>
          <p className="text-sm text-slate-600">Credits for your team&apos;s AI work.</p>
        </div>
        <SignInForms initialError={error ? "That sign-in did not work. Check your details or ask for a new link." : undefined} callbackUrl={safeCallback} />
        {process.env.REFILL_DEV_MAILBOX === "1" && (
          <p className="mt-6 text-center text-xs text-slate-500">
            Demo: sign in as owner@demo.test, admin@demo.test, ann@demo.test or vic@demo.test with password{" "}
            <code>demo-password</code>. Emails land in the <a className="underline" href="/dev/mailbox">dev mailbox</a>.
          </p>
        )}
      </div>
    </main>
  );
}

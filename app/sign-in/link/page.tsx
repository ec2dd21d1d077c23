import type { Metadata } from "next";
import { MagicLinkSignIn } from "@/components/auth/magic-link-sign-in";

export const metadata: Metadata = { title: "Signing in" };

export default async function MagicLinkPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <MagicLinkSignIn token={token ?? ""} />
    </main>
  );
}

import type { Metadata } from "next";
import { MagicLinkSignIn } from "@/components/auth/magic-link-sign-in";
import { getSessionUserId } from "@/lib/auth/authorize";
import { peekMagicLink } from "@/lib/auth/peek-magic-link";
import { getUserEmail } from "@/lib/auth/get-user-email";

export const metadata: Metadata = { title: "Sign in with your link" };

// Only shows whom the link is for: the token is exchanged by the button's POST, never by opening it.
export default async function MagicLinkPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token = "" } = await searchParams;
  const [email, userId] = await Promise.all([peekMagicLink(token), getSessionUserId()]);
  const signedInAs = userId ? await getUserEmail({ userId }) : null;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <MagicLinkSignIn token={token} email={email} signedInAs={signedInAs} />
    </main>
  );
}

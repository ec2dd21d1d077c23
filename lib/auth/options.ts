import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { consumeMagicLink } from "@/lib/auth/magic-link";
import { requestClient } from "@/lib/auth/request-client";
import { safeCallbackPath } from "@/lib/auth/safe-callback-path";
import { verifyPasswordSignIn } from "@/lib/auth/verify-password-sign-in";
import { endAllSessions } from "@/lib/auth/end-all-sessions";

const ZPasswordCredentials = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(200) });
const ZMagicCredentials = z.object({ token: z.string().min(10).max(200) });
const REVOKED = "session revoked";

type TSignedInUser = { id: string; email: string; name: string; sessionVersion: number };

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      id: "password",
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw, request) {
        const parsed = ZPasswordCredentials.safeParse(raw);
        if (!parsed.success) return null;
        const user = await verifyPasswordSignIn({ ...parsed.data, client: requestClient(request?.headers) });
        return user ? signedIn(user) : null;
      },
    }),
    CredentialsProvider({
      id: "magic-link",
      name: "Email link",
      credentials: { token: { type: "text" } },
      async authorize(raw) {
        const parsed = ZMagicCredentials.safeParse(raw);
        if (!parsed.success) return null;
        const user = await consumeMagicLink(parsed.data.token);
        return user ? signedIn(user) : null;
      },
    }),
  ],
  callbacks: {
    // Every request re-reads the user's session version: a token minted before the last
    // sign-out, password change or "Sign out everywhere" is refused (next-auth then clears it).
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as unknown as TSignedInUser).sessionVersion;
        return token;
      }
      const current = token.sub ? await prisma.user.findUnique({ where: { id: token.sub }, select: { sessionVersion: true } }) : null;
      if (!current || current.sessionVersion !== token.sv) throw new Error(REVOKED);
      return token;
    },
    async session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
    async redirect({ url, baseUrl }) {
      return `${baseUrl}${safeCallbackPath(url, baseUrl)}`;
    },
  },
  events: {
    // A copied cookie must not outlive the sign-out: signing out ends every session of the user.
    async signOut({ token }) {
      if (token?.sub) await endAllSessions({ userId: token.sub });
    },
  },
  logger: {
    error(code, metadata) {
      if (code === "JWT_SESSION_ERROR" && metadata instanceof Error && metadata.message === REVOKED) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
};

function signedIn(user: TSignedInUser) {
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { consumeMagicLink } from "@/lib/auth/magic-link";
import { signInLimiter } from "@/lib/auth/sign-in-limiter";

const ZPasswordCredentials = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(200) });
const ZMagicCredentials = z.object({ token: z.string().min(10).max(200) });

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      id: "password",
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw) {
        const parsed = ZPasswordCredentials.safeParse(raw);
        if (!parsed.success) return null;
        if (signInLimiter.take(`password:${parsed.data.email}`) > 0) return null;
        const user = await prisma.user.findUnique({ where: { email: parsed.data.email } });
        if (!user?.passwordHash) return null;
        if (!(await verifyPassword(parsed.data.password, user.passwordHash))) return null;
        return { id: user.id, email: user.email, name: user.name };
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
        return user ? { id: user.id, email: user.email, name: user.name } : null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    async session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};

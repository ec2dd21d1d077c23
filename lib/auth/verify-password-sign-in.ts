import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { takeSignInAttempt } from "@/lib/auth/sign-in-limiter";

let dummyHash: Promise<string> | undefined;

/** A hash of a random password with today's parameters: unknown addresses cost the same scrypt. */
function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  return dummyHash;
}

/**
 * Checks an email and password, rate limited per address and per client. Unknown addresses and
 * accounts without a password run scrypt against a dummy hash, so the answer takes as long as
 * for a real account and never tells which addresses exist. Returns the user, or null.
 */
export async function verifyPasswordSignIn(options: { email: string; password: string; client: string }) {
  const email = options.email.trim().toLowerCase();
  if ((await takeSignInAttempt({ kind: "password", email, client: options.client })) > 0) return null;
  const user = await prisma.user.findUnique({ where: { email } });
  const matches = await verifyPassword(options.password, user?.passwordHash ?? (await dummyPasswordHash()));
  return user?.passwordHash && matches ? user : null;
}

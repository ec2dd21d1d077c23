import { takeSharedTokens } from "@/lib/rate-limit/take-shared-tokens";

export type TSignInAttempt = { kind: "password" | "magic-link"; email: string; client: string };

/**
 * Sign-in attempts are limited per address *and* per client, in the shared database:
 * - one client guessing one address: 10, then one every 30 s: stops guessing from one place
 *   without touching the owner's own browser, which is another client;
 * - one client across addresses: 200, then one a second: slows spraying many accounts while an
 *   office behind one address still signs in;
 * - one address from everywhere: 100, then one every 36 s (≈ 100 an hour): bounds guessing from
 *   many clients, and is far above what the owner's lock-out would need.
 * Returns 0 when allowed, else the seconds to wait.
 */
export async function takeSignInAttempt(attempt: TSignInAttempt): Promise<number> {
  const email = attempt.email.trim().toLowerCase();
  const prefix = `sign-in:${attempt.kind}`;
  return takeSharedTokens([
    { key: `${prefix}:address-client:${email}|${attempt.client}`, capacity: 10, refillPerSecond: 1 / 30 },
    { key: `${prefix}:client:${attempt.client}`, capacity: 200, refillPerSecond: 1 },
    { key: `${prefix}:address:${email}`, capacity: 100, refillPerSecond: 1 / 36 },
  ]);
}

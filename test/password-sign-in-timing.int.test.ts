import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { resetDatabase } from "@/test/reset-database";
import { createUser } from "@/prisma/seed/identity";
import { authOptions } from "@/lib/auth/options";

// Attack: tell which addresses have an account from how long a wrong password takes to refuse.
type TCredentialsProvider = { options: { authorize: (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<unknown> } };
const provider = () => (authOptions.providers as unknown as (TCredentialsProvider & { options: { id: string } })[]).find((p) => p.options.id === "password")!;

const SAMPLES = 31;

async function timeAttempt(email: string, client: string): Promise<number> {
  const started = performance.now();
  const user = await provider().options.authorize({ email, password: "wrong-password" }, { headers: { "x-forwarded-for": client } });
  const elapsed = performance.now() - started;
  expect(user).toBeNull();
  return elapsed;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe("password sign-in timing", () => {
  beforeAll(async () => {
    await resetDatabase();
    // One address per attempt, so no limiter (per address or per client) ever cuts an attempt short.
    for (let i = 0; i < SAMPLES + 2; i++) await createUser(prisma, { email: `known-${i}@example.test`, name: `Known ${i}`, password: "the-right-password" });
  });

  it("a wrong password for a known address takes as long as one for an unknown address (medians within 20%)", async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    // Interleaved (alternating which goes first) so load on the machine hits both series alike;
    // a fresh address and client per attempt keep the limiter out of the measurement.
    for (let i = -2; i < SAMPLES; i++) {
      const n = i + 2;
      const knownAttempt = () => timeAttempt(`known-${n}@example.test`, `10.9.${n}.1`);
      const unknownAttempt = () => timeAttempt(`nobody-${n}@example.test`, `10.9.${n}.2`);
      const pair = i % 2 === 0 ? [await knownAttempt(), await unknownAttempt()] : [await unknownAttempt(), await knownAttempt()].reverse();
      if (i < 0) continue; // warm-up: first scrypt calls, connection pool, the dummy hash
      known.push(pair[0]);
      unknown.push(pair[1]);
    }
    const ratio = median(known) / median(unknown);
    expect(ratio, `median known ${median(known).toFixed(1)} ms, unknown ${median(unknown).toFixed(1)} ms`).toBeGreaterThan(1 / 1.2);
    expect(ratio).toBeLessThan(1.2);
  }, 120_000);
});

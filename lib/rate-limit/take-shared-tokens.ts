import { prisma } from "@/lib/db";

export type TSharedBucket = { key: string; capacity: number; refillPerSecond: number };

/** Buckets untouched this long are full again under every rule we use; their rows can go. */
const STALE_AFTER_SECONDS = 24 * 60 * 60;

/**
 * Takes one token from each bucket in one atomic statement on the shared database, so every app
 * instance sees the same counts (a row lock per key serialises concurrent takers). A bucket that
 * has no whole token left is not charged. Returns 0 when every bucket allowed the attempt, else
 * the seconds until the emptiest one has a token again.
 */
export async function takeSharedTokens(buckets: TSharedBucket[]): Promise<number> {
  // One order for every caller: concurrent multi-key takes never wait on each other in a cycle.
  const sorted = [...buckets].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const rows = await prisma.$queryRaw<{ allowed: boolean; tokens: number; refill_per_second: number }[]>`
    INSERT INTO rate_limit_buckets AS b (key, capacity, refill_per_second, tokens, allowed, updated_at)
    SELECT k.key, k.capacity, k.rate, k.capacity - 1, true, now()
    FROM unnest(${sorted.map((b) => b.key)}::text[], ${sorted.map((b) => b.capacity)}::float8[], ${sorted.map((b) => b.refillPerSecond)}::float8[]) AS k(key, capacity, rate)
    ON CONFLICT (key) DO UPDATE SET
      capacity = EXCLUDED.capacity,
      refill_per_second = EXCLUDED.refill_per_second,
      allowed = LEAST(EXCLUDED.capacity, b.tokens + GREATEST(0, EXTRACT(EPOCH FROM now() - b.updated_at)) * EXCLUDED.refill_per_second) >= 1,
      tokens = LEAST(EXCLUDED.capacity, b.tokens + GREATEST(0, EXTRACT(EPOCH FROM now() - b.updated_at)) * EXCLUDED.refill_per_second)
        - CASE WHEN LEAST(EXCLUDED.capacity, b.tokens + GREATEST(0, EXTRACT(EPOCH FROM now() - b.updated_at)) * EXCLUDED.refill_per_second) >= 1 THEN 1 ELSE 0 END,
      updated_at = now()
    RETURNING allowed, tokens, refill_per_second`;
  if (Math.random() < 0.01) {
    await prisma.$executeRaw`DELETE FROM rate_limit_buckets WHERE updated_at < now() - make_interval(secs => ${STALE_AFTER_SECONDS})`;
  }
  const waits = rows.filter((row) => !row.allowed).map((row) => Math.max(1, Math.ceil((1 - Number(row.tokens)) / Number(row.refill_per_second))));
  return waits.length === 0 ? 0 : Math.max(...waits);
}

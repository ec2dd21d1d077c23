/**
 * A token bucket per key, in process memory. Each web instance limits on its own, which bounds
 * abuse per instance; a shared store would be needed for exact global limits.
 */
export type RateLimitRule = { capacity: number; refillPerSecond: number };
type Bucket = { tokens: number; updatedAt: number };

export function createRateLimiter(rule: RateLimitRule, maxKeys = 50_000) {
  const buckets = new Map<string, Bucket>();
  return {
    /** Takes one token; returns 0 when allowed, else the seconds to wait. */
    take(key: string, now = Date.now()): number {
      const bucket = buckets.get(key) ?? { tokens: rule.capacity, updatedAt: now };
      const elapsed = (now - bucket.updatedAt) / 1000;
      bucket.tokens = Math.min(rule.capacity, bucket.tokens + elapsed * rule.refillPerSecond);
      bucket.updatedAt = now;
      if (buckets.size >= maxKeys && !buckets.has(key)) buckets.delete(buckets.keys().next().value as string);
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / rule.refillPerSecond));
    },
  };
}

import { describe, expect, it } from "vitest";
import { createRateLimiter } from "@/lib/rate-limit";

describe("token bucket rate limiter", () => {
  it("allows the burst, then refuses with the seconds to wait, then refills", () => {
    const limiter = createRateLimiter({ capacity: 3, refillPerSecond: 1 });
    const t0 = 1_000_000;
    expect([limiter.take("k", t0), limiter.take("k", t0), limiter.take("k", t0)]).toEqual([0, 0, 0]);
    expect(limiter.take("k", t0)).toBe(1);
    expect(limiter.take("k", t0 + 1000)).toBe(0);
    expect(limiter.take("other", t0)).toBe(0);
  });
});

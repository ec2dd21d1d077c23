import { createRateLimiter } from "@/lib/rate-limit";

/** Ten attempts per address, then one more every 30 seconds: slows password guessing and link spam. */
export const signInLimiter = createRateLimiter({ capacity: 10, refillPerSecond: 1 / 30 });

import type PgBoss from "pg-boss";
import type { z } from "zod";

/** A job as callers know it: its queue name and the zod schema of its payload. */
export type TJobSpec<TPayload extends z.ZodType = z.ZodType> = { name: string; payload: TPayload };

export function jobSpec<TPayload extends z.ZodType>(name: string, payload: TPayload): TJobSpec<TPayload> {
  return { name, payload };
}

// The pg-boss handle of this process, set once when the workers start (lib/jobs/start-jobs).
const holder = globalThis as unknown as { refillBoss?: PgBoss };

export function setJobQueue(boss: PgBoss | undefined): void {
  holder.refillBoss = boss;
}

export function getJobQueue(): PgBoss | undefined {
  return holder.refillBoss;
}

/**
 * Asks for a job to run soon; harmless where jobs are off (every job also runs on a schedule).
 * `startAfterSeconds` lets a caller inside a transaction kick a job that must see its commit.
 */
export async function queueJob<TPayload extends z.ZodType>(
  spec: TJobSpec<TPayload>,
  payload: z.input<TPayload>,
  { startAfterSeconds }: { startAfterSeconds?: number } = {},
): Promise<void> {
  const data = spec.payload.parse(payload) as object;
  await holder.refillBoss?.send(spec.name, data, startAfterSeconds ? { startAfter: startAfterSeconds } : {});
}

/** Percentile of a list of milliseconds (nearest rank). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** Runs `workers` loops of `task` until `durationMs` passes; counts successes, failures and latencies. */
export async function runWorkers(options: { workers: number; durationMs: number; task: (worker: number) => Promise<unknown> }) {
  const latencies: number[] = [];
  let failures = 0;
  const errors = new Map<string, number>();
  const started = performance.now();
  const deadline = started + options.durationMs;
  await Promise.all(
    Array.from({ length: options.workers }, async (_, worker) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          await options.task(worker);
          latencies.push(performance.now() - t0);
        } catch (error) {
          failures += 1;
          const code = (error as { code?: string }).code ?? String(error);
          errors.set(code, (errors.get(code) ?? 0) + 1);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { ok: latencies.length, failures, errors, perSecond: latencies.length / seconds, latencies };
}

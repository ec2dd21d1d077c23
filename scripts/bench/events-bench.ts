import type pg from "pg";
import { percentile } from "./latency";
import { createEventsHistory } from "./bench-data";

/** Times the events query the API uses: the newest page and a page deep in 1,000,000 entries. */
export async function runEventsBench(options: { pool: pg.Pool; entries: number }) {
  const { listCreditEvents } = await import("@/lib/credits/list-credit-events");
  const { workspaceId, userId } = await createEventsHistory(options.pool, { slug: "events", entries: options.entries });
  const { rows } = await options.pool.query<{ id: string }>(
    "SELECT id::text FROM credit_ledger_entries WHERE workspace_id = $1 AND user_id = $2 ORDER BY id ASC OFFSET 1000 LIMIT 1",
    [workspaceId, userId],
  );
  const time = async (cursor?: string) => {
    const samples: number[] = [];
    for (let i = 0; i < 25; i++) {
      const t0 = performance.now();
      const page = await listCreditEvents({ workspaceId, member: userId, limit: 50, cursor });
      if (page.events.length !== 50) throw new Error("events page came back short");
      if (i >= 5) samples.push(performance.now() - t0);
    }
    return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
  };
  return { workspaceId, userId, first: await time(), deep: await time(rows[0].id) };
}

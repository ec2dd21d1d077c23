// npm run bench [-- --json]: engine debits (spread and hot), pgbench TPC-B, HTTP on the production
// build, and events pages at 1,000,000 entries, all on the PostgreSQL of DATABASE_URL.
import { randomUUID } from "node:crypto";
import { createTestDatabase } from "../lib/test-database.mjs";
import { percentile, round, runWorkers } from "./latency";
import { createBenchWorkspace } from "./bench-data";
import { runPgbench } from "./pgbench";
import { runHttpBench } from "./http-bench";
import { runEventsBench } from "./events-bench";
import { runPagesBench } from "./pages-bench";

const MEMBERS = 1_000;
const WORKERS = 16;
const CREDITS_EACH = 10_000_000;
const json = process.argv.includes("--json");
const log = (line: string) => console.log(line);

async function main() {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) throw new Error("Set DATABASE_URL to a PostgreSQL server (the bench makes and drops its own databases).");
  log("Creating the bench database and applying migrations…");
  const database = await createTestDatabase("bench");
  process.env.DATABASE_URL = database.url;
  process.env.DB_POOL_SIZE = String(WORKERS + 4);
  const { pgPool, prisma } = await import("@/lib/db");
  const { seedFeatures } = await import("@/prisma/seed/credits");
  const { debitCredits } = await import("@/lib/credits/debit-credits");
  const { verifyLedger } = await import("@/lib/credits/verify-ledger");
  try {
    await seedFeatures(prisma);
    const spread = await createBenchWorkspace(pgPool(), { slug: "spread", members: MEMBERS, credits: CREDITS_EACH });
    const debit = (userId: string) =>
      debitCredits({ workspaceId: spread.workspaceId, member: userId, feature: "chat_reply", credits: 1, idempotencyKey: randomUUID() });
    const pick = () => spread.userIds[Math.floor(Math.random() * spread.userIds.length)];

    log("(a) engine debits: warm-up, spread over 1,000 members, then one hot member…");
    await runWorkers({ workers: WORKERS, durationMs: 2_000, task: () => debit(pick()) });
    const spreadRun = await runWorkers({ workers: WORKERS, durationMs: 10_000, task: () => debit(pick()) });
    const hotRun = await runWorkers({ workers: WORKERS, durationMs: 5_000, task: () => debit(spread.userIds[0]) });

    log("(b) pgbench TPC-B (-s 10, -c 16 -j 2 -T 10) in a scratch database…");
    const pgbench = await runPgbench(baseUrl);

    log("(c) HTTP: autocannon against POST /api/v1/usage on the production build…");
    const http = await runHttpBench({ pool: pgPool(), databaseUrl: database.url, workspaceId: spread.workspaceId, userIds: spread.userIds, durationSec: 10 });

    log("(d) events pages at 1,000,000 ledger entries…");
    const events = await runEventsBench({ pool: pgPool(), entries: 1_000_000 });

    log("(e) Credits page and history at 1,000,000 ledger entries (server response time)…");
    const pages = await runPagesBench({ pool: pgPool(), databaseUrl: database.url, workspaceId: events.workspaceId, userId: events.userId, samples: 20 });

    log("Checking invariants…");
    const problems = [...(await verifyLedger(spread.workspaceId)).problems, ...(await verifyLedger(events.workspaceId)).problems];
    const { rows } = await pgPool().query<{ remaining: string; debited: string }>(
      `SELECT (SELECT sum(remaining) FROM credit_grants WHERE workspace_id = $1)::text AS remaining,
              (SELECT sum(credits) FROM credit_usages WHERE workspace_id = $1)::text AS debited`,
      [spread.workspaceId],
    );
    const balanceMismatch = BigInt(rows[0].remaining) + BigInt(rows[0].debited) !== BigInt(MEMBERS * CREDITS_EACH) ? 1 : 0;
    const anomalies = problems.length + balanceMismatch + spreadRun.failures + hotRun.failures;

    const result = {
      debitsPerSecond: round(spreadRun.perSecond),
      hotDebitsPerSecond: round(hotRun.perSecond),
      pgbenchTps: pgbench.tps,
      p50Ms: round(percentile(spreadRun.latencies, 50), 2),
      p99Ms: round(percentile(spreadRun.latencies, 99), 2),
      httpRps: "rps" in http ? round(http.rps) : null,
      httpP99Ms: "rps" in http ? http.p99Ms : null,
      eventsFirstPageMs: round(events.first.p50, 2),
      eventsDeepPageMs: round(events.deep.p50, 2),
      creditsPageP95Ms: "credits" in pages ? round(pages.credits.p95, 1) : null,
      historyPageP95Ms: "history" in pages ? round(pages.history.p95, 1) : null,
      anomalies,
    };
    const ratio = pgbench.tps ? round(result.debitsPerSecond / pgbench.tps, 2) : null;
    log("");
    log("| measure | result | target |");
    log("| --- | --- | --- |");
    log(`| engine debits, 16 workers over 1,000 members | ${result.debitsPerSecond}/s (${ratio ?? "?"}× pgbench) | ≥ 0.6 × pgbench |`);
    log(`| engine debits, one hot member | ${result.hotDebitsPerSecond}/s | ≥ 1,500/s |`);
    log(`| debit latency p50 / p99 (spread) | ${result.p50Ms} ms / ${result.p99Ms} ms | p99 ≤ 25 ms |`);
    log(`| pgbench TPC-B | ${pgbench.tps ?? `n/a (${pgbench.note})`} tps | yardstick |`);
    log(`| HTTP POST /api/v1/usage | ${"rps" in http ? `${result.httpRps} req/s, p99 ${http.p99Ms} ms, non-2xx ${http.non2xx}` : `skipped: ${http.skipped}`} | — |`);
    log(`| events first page (p50 / p95) | ${round(events.first.p50, 2)} / ${round(events.first.p95, 2)} ms | ≤ 50 ms |`);
    log(`| events deep cursor page (p50 / p95) | ${round(events.deep.p50, 2)} / ${round(events.deep.p95, 2)} ms | ≤ 50 ms |`);
    log(`| Credits page p95, 1,000,000 entries | ${"credits" in pages ? `${round(pages.credits.p95, 1)} ms (p50 ${round(pages.credits.p50, 1)})` : `skipped: ${pages.skipped}`} | ≤ 150 ms |`);
    log(`| history (filtered) page p95 | ${"history" in pages ? `${round(pages.history.p95, 1)} ms (p50 ${round(pages.history.p50, 1)})` : `skipped: ${pages.skipped}`} | ≤ 150 ms |`);
    log(`| anomalies (ledger checks, balance sum, failed debits) | ${anomalies} | 0 |`);
    if (spreadRun.errors.size || hotRun.errors.size) log(`errors: ${JSON.stringify([...spreadRun.errors, ...hotRun.errors])}`);
    if (problems.length) log(`ledger problems (first 5): ${problems.slice(0, 5).join("; ")}`);
    if (json) log(JSON.stringify(result));
  } finally {
    await prisma.$disconnect().catch(() => undefined);
    await pgPool().end().catch(() => undefined);
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

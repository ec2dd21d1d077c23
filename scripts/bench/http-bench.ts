import { spawn } from "node:child_process";
import { waitForUrl } from "../lib/spawn-async.mjs";
import { randomUUID, createHash } from "node:crypto";
import { existsSync } from "node:fs";
import type pg from "pg";

type THttpResult = { skipped: string } | { rps: number; p99Ms: number; non2xx: number; errors: number };

/**
 * autocannon against POST /api/v1/usage on the production build (`next start`). Never builds:
 * without a build that contains the route, the part is reported as skipped with the reason.
 */
export async function runHttpBench(options: {
  pool: pg.Pool;
  databaseUrl: string;
  workspaceId: string;
  userIds: string[];
  durationSec: number;
}): Promise<THttpResult> {
  if (!existsSync(".next/BUILD_ID")) return { skipped: "no production build in .next (builds are run by the foundation engineer)" };
  if (!existsSync(".next/server/app/api/v1/usage/route.js")) {
    return { skipped: "the build in .next predates /api/v1/usage (rebuild to include the API)" };
  }
  const key = `rk_bench_${randomUUID()}`;
  await options.pool.query(
    "INSERT INTO api_keys (id, workspace_id, name, prefix, key_hash) VALUES ($1, $2, 'bench', $3, $4)",
    [`key_${randomUUID()}`, options.workspaceId, key.slice(0, 12), createHash("sha256").update(key).digest("hex")],
  );
  const port = 3900 + Math.floor(Math.random() * 500);
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      API_RATE_LIMIT_BURST: "10000000",
      API_RATE_LIMIT_PER_MINUTE: "600000000",
      NEXTAUTH_SECRET: "bench-secret",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      DB_POOL_SIZE: "20",
    },
    stdio: "ignore",
    detached: true,
  });
  try {
    await waitForUrl(`http://127.0.0.1:${port}/api/health`, 60_000);
    // Loaded by name so the type checker does not need autocannon's (absent) type declarations.
    const autocannon = (await import("autocannon" as string)).default;
    const result = await autocannon({
      url: `http://127.0.0.1:${port}/api/v1/usage`,
      method: "POST",
      connections: 16,
      duration: options.durationSec,
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      requests: [
        {
          setupRequest: (request: Record<string, unknown>) => ({
            ...request,
            body: JSON.stringify({
              member: options.userIds[Math.floor(Math.random() * options.userIds.length)],
              feature: "chat_reply",
              credits: 1,
              idempotencyKey: randomUUID(),
            }),
          }),
        },
      ],
    });
    return { rps: result.requests.average, p99Ms: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }
}

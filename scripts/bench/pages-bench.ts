import { spawn } from "node:child_process";
import { waitForUrl } from "../lib/spawn-async.mjs";
import { existsSync } from "node:fs";
import type pg from "pg";
import { percentile } from "./latency";

const PASSWORD = "bench-password";

type TStat = { p50: number; p95: number };
type TPagesResult = { skipped: string } | { credits: TStat; history: TStat };

/** Signs in through next-auth's credentials endpoint and returns the session cookie header. */
async function signIn(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = (csrf.headers.getSetCookie() ?? []).map((c) => c.split(";")[0]).join("; ");
  const response = await fetch(`${base}/api/auth/callback/password`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ email, password: PASSWORD, csrfToken, json: "true" }),
  });
  const session = (response.headers.getSetCookie() ?? []).map((c) => c.split(";")[0]).find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in failed (${response.status})`);
  return `${csrfCookie}; ${session}`;
}

/**
 * Server response time of the Credits page (balance, offers, planner, grouped usage, first page
 * of history) and of its history filtered to one event type, for an owner whose workspace holds
 * the 1,000,000 ledger entries of the events bench. Time to the last byte of the streamed page.
 */
export async function runPagesBench(options: { pool: pg.Pool; databaseUrl: string; workspaceId: string; userId: string; samples: number }): Promise<TPagesResult> {
  if (!existsSync(".next/BUILD_ID")) return { skipped: "no production build in .next" };
  const { hashPassword } = await import("@/lib/auth/password");
  await options.pool.query("UPDATE users SET password_hash = $1 WHERE id = $2", [await hashPassword(PASSWORD), options.userId]);
  await options.pool.query("UPDATE memberships SET role = 'owner' WHERE workspace_id = $1 AND user_id = $2", [options.workspaceId, options.userId]);
  const { rows } = await options.pool.query<{ email: string; slug: string }>(
    "SELECT u.email, w.slug FROM users u, workspaces w WHERE u.id = $1 AND w.id = $2",
    [options.userId, options.workspaceId],
  );
  const port = 4400 + Math.floor(Math.random() * 400);
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: options.databaseUrl, NEXTAUTH_SECRET: "bench-secret", NEXTAUTH_URL: base, NEXT_TELEMETRY_DISABLED: "1", REFILL_JOBS: "off" },
    stdio: "ignore",
    detached: true,
  });
  try {
    await waitForUrl(`${base}/api/health`, 60_000);
    const cookie = await signIn(base, rows[0].email);
    const time = async (path: string): Promise<TStat> => {
      const samples: number[] = [];
      for (let i = 0; i < options.samples + 3; i++) {
        const t0 = performance.now();
        const response = await fetch(`${base}${path}`, { headers: { cookie } });
        const html = await response.text();
        if (response.status !== 200 || !html.includes("Credit event history")) throw new Error(`${path} answered ${response.status}`);
        if (i >= 3) samples.push(performance.now() - t0);
      }
      return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
    };
    const credits = await time(`/w/${rows[0].slug}/credits`);
    const history = await time(`/w/${rows[0].slug}/credits?type=usage`);
    return { credits, history };
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }
}

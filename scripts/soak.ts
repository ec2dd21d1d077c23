// npm run soak [-- --seconds 600 --rate 40]: steady mixed API and page traffic against the
// production build on a fresh database; prints errors, p50/p99 per kind, the server's memory
// over time, and verifies the ledger afterwards. Traffic goes to 127.0.0.1 only.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createTestDatabase } from "./lib/test-database.mjs";
import { waitForUrl } from "./lib/spawn-async.mjs";
import { percentile, round } from "./bench/latency";

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const SECONDS = argument("seconds", 600);
const RATE = argument("rate", 40);
const PORT = 4900 + Math.floor(Math.random() * 90);
const BASE = `http://127.0.0.1:${PORT}`;
const API_KEY = `rf_live_soak_${crypto.randomUUID()}`;

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Math.round(Number(match[1]) / 1024) : 0;
}

async function signInCookie(email: string) {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const response = await fetch(`${BASE}/api/auth/callback/password`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ email, password: "demo-password", csrfToken, json: "true" }),
  });
  return [...cookies, ...response.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
}

async function main() {
  if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to a PostgreSQL server (the soak makes its own database).");
  const database = await createTestDatabase("soak");
  const env = { ...process.env, DATABASE_URL: database.url, SEED_API_KEY_DEMO: API_KEY, NEXTAUTH_SECRET: "soak", NEXTAUTH_URL: BASE, NEXT_TELEMETRY_DISABLED: "1", API_RATE_LIMIT_PER_MINUTE: "1000000", API_RATE_LIMIT_BURST: "100000" };
  await new Promise((resolve) => spawn(process.execPath, ["--import", "tsx", "scripts/seed-demo.ts"], { env, stdio: "inherit" }).once("exit", resolve));
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"], { env, stdio: ["ignore", "ignore", "inherit"] });
  const latencies: Record<string, number[]> = {};
  const errors: Record<string, number> = {};
  const memory: { second: number; rssMb: number }[] = [];
  try {
    await waitForUrl(`${BASE}/api/health`, 60_000);
    const auth = { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" };
    await fetch(`${BASE}/api/v1/grants`, { method: "POST", headers: auth, body: JSON.stringify({ member: "ann@demo.test", credits: 10_000_000, source: "promotional", memo: "soak", idempotencyKey: "soak-grant" }) });
    const cookie = await signInCookie("ann@demo.test");
    const kinds: [string, () => Promise<Response>][] = [
      ["POST /api/v1/usage", () => fetch(`${BASE}/api/v1/usage`, { method: "POST", headers: auth, body: JSON.stringify({ member: "ann@demo.test", feature: "chat_reply", credits: 1, idempotencyKey: crypto.randomUUID() }) })],
      ["GET /api/v1/balance", () => fetch(`${BASE}/api/v1/balance?member=ann@demo.test`, { headers: auth })],
      ["GET /api/v1/events", () => fetch(`${BASE}/api/v1/events?member=ann@demo.test&limit=50`, { headers: auth })],
      ["GET /w/demo/work", () => fetch(`${BASE}/w/demo/work`, { headers: { cookie } })],
      ["GET /w/demo/credits", () => fetch(`${BASE}/w/demo/credits`, { headers: { cookie } })],
    ];
    const weights = [8, 4, 2, 1, 1];
    const schedule = kinds.flatMap((kind, index) => Array(weights[index]).fill(kind) as [string, () => Promise<Response>][]);
    const startedAt = Date.now();
    let sent = 0;
    const inFlight = new Set<Promise<void>>();
    memory.push({ second: 0, rssMb: rssMb(server.pid!) });
    while (Date.now() - startedAt < SECONDS * 1000) {
      const due = Math.floor(((Date.now() - startedAt) / 1000) * RATE);
      while (sent < due) {
        const [name, send] = schedule[sent % schedule.length];
        sent += 1;
        const t0 = performance.now();
        const request = send()
          .then(async (response) => {
            await response.arrayBuffer();
            (latencies[name] ??= []).push(performance.now() - t0);
            if (response.status >= 400) errors[`${name} ${response.status}`] = (errors[`${name} ${response.status}`] ?? 0) + 1;
          })
          .catch(() => {
            errors[`${name} network`] = (errors[`${name} network`] ?? 0) + 1;
          })
          .finally(() => inFlight.delete(request));
        inFlight.add(request);
      }
      const second = Math.floor((Date.now() - startedAt) / 1000);
      if (second >= memory[memory.length - 1].second + 30) memory.push({ second, rssMb: rssMb(server.pid!) });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await Promise.all(inFlight);
    memory.push({ second: SECONDS, rssMb: rssMb(server.pid!) });

    process.env.DATABASE_URL = database.url;
    const { verifyLedger } = await import("@/lib/credits/verify-ledger");
    const { prisma, pgPool } = await import("@/lib/db");
    const demo = await prisma.workspace.findUniqueOrThrow({ where: { slug: "demo" } });
    const ledger = await verifyLedger(demo.id);
    console.log(`\nSoak: ${SECONDS} s at ${RATE} requests/s (${sent} requests), server on the production build\n`);
    console.log("| request | count | p50 ms | p99 ms |\n| --- | --- | --- | --- |");
    for (const [name, samples] of Object.entries(latencies)) {
      console.log(`| ${name} | ${samples.length} | ${round(percentile(samples, 50), 1)} | ${round(percentile(samples, 99), 1)} |`);
    }
    console.log(`\nerrors: ${Object.keys(errors).length === 0 ? "none" : JSON.stringify(errors)}`);
    console.log(`server RSS (MB) over time: ${memory.map((m) => `${m.second}s=${m.rssMb}`).join(", ")}`);
    console.log(`RSS growth: ${memory[memory.length - 1].rssMb - memory[1]?.rssMb} MB from the first sample after warm-up`);
    console.log(`ledger verified after: ${ledger.ok ? "ok" : `PROBLEMS ${ledger.problems.slice(0, 5).join("; ")}`}`);
    await prisma.$disconnect();
    await pgPool().end();
    if (!ledger.ok || Object.keys(errors).length > 0) process.exitCode = 1;
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

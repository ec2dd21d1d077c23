// npm test: typecheck, lint, Vitest (unit + integration on a fresh database), then the
// Playwright suite against the production build on another fresh database with the Stripe
// sandbox. `--only <step>` runs one step (typecheck, lint, vitest, e2e).
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { appEnv } from "./lib/app-env.mjs";
import { buildIfNeeded } from "./lib/build-if-needed.mjs";
import { findChromium } from "./lib/find-chromium.mjs";
import { runCommand, waitForUrl } from "./lib/spawn-async.mjs";
import { createTestDatabase } from "./lib/test-database.mjs";

// Node itself runs the servers, not `npx`: a signal to npx does not reach the server it started.

const onlyIndex = process.argv.indexOf("--only");
const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : null;
const extraArgs = onlyIndex >= 0 ? process.argv.slice(onlyIndex + 2) : [];
const timings = [];

async function step(name, body) {
  if (only && only !== name) return;
  const startedAt = Date.now();
  console.log(`\n▶ ${name}`);
  const ok = await body();
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  timings.push(`${name} ${seconds}s`);
  if (!ok) {
    console.error(`✖ ${name} failed after ${seconds}s`);
    process.exit(1);
  }
  console.log(`✔ ${name} (${seconds}s)`);
}

async function endToEnd(browserPath) {
  const database = await createTestDatabase("e2e");
  const port = Number(process.env.E2E_PORT ?? 3100);
  const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 12112);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "refill-e2e-"));
  const env = { ...appEnv({ dataDir, port, databaseUrl: database.url, sandboxPort }), REFILL_DEV_MAILBOX: "1", API_RATE_LIMIT_PER_MINUTE: "100000", API_RATE_LIMIT_BURST: "10000" };
  delete env.SMTP_URL;
  const children = [];
  try {
    if ((await runCommand("npx", ["--no-install", "tsx", "scripts/seed-demo.ts"], { env })) !== 0) return false;
    await buildIfNeeded(env);
    children.push(spawn(process.execPath, ["--import", "tsx", "scripts/stripe-sandbox.ts"], {
      stdio: "inherit",
      env: { ...env, STRIPE_SANDBOX_WEBHOOK_URL: `http://127.0.0.1:${port}/api/webhooks/stripe`, STRIPE_SANDBOX_RETRY_SCHEDULE: "200,1000,3000" },
    }));
    children.push(spawn(process.execPath, ["scripts/serve-app.mjs"], { stdio: ["ignore", "ignore", "inherit"], env }));
    await waitForUrl(`http://127.0.0.1:${port}/api/health`);
    const status = await runCommand("npx", ["--no-install", "playwright", "test", ...extraArgs], {
      env: { ...env, E2E_BASE_URL: env.NEXTAUTH_URL, CHROMIUM_PATH: browserPath },
    });
    return status === 0;
  } finally {
    await Promise.all(
      children.map((child) => new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", resolve);
        child.kill("SIGTERM");
      })),
    );
    await database.drop();
  }
}

// Before anything runs: a missing browser stops the suite at once, with the command to fix it.
const browser = !only || only === "e2e" ? findChromium() : { path: null };
if (browser.missing) {
  console.error(browser.missing);
  process.exit(1);
}

const startedAt = Date.now();
await step("typecheck", async () => (await runCommand("npx", ["--no-install", "tsc", "--noEmit"])) === 0);
await step("lint", async () => (await runCommand("npx", ["--no-install", "eslint", ".", "--max-warnings=0"])) === 0);
await step("vitest", async () => (await runCommand("npx", ["--no-install", "vitest", "run", ...extraArgs])) === 0);
await step("e2e", () => endToEnd(browser.path));
console.log(`\nAll steps passed in ${((Date.now() - startedAt) / 1000).toFixed(0)}s: ${timings.join(", ")}`);

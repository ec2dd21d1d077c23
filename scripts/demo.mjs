// npm run demo: the whole product on one machine, offline. Embedded database unless
// DATABASE_URL is set, migrations, demo data, the Stripe sandbox, the production build.
import { spawn } from "node:child_process";
import path from "node:path";
import { startEmbeddedPostgres } from "./lib/embedded-postgres.mjs";
import { appEnv } from "./lib/app-env.mjs";
import { buildIfNeeded } from "./lib/build-if-needed.mjs";

// Node itself runs the servers, not `npx`: a signal to npx does not reach the server it started.

const startedAt = Date.now();
const port = Number(process.env.PORT ?? 3000);
const dataDir = path.resolve(process.env.DATA_DIR ?? ".data");
const sandboxPort = Number(process.env.STRIPE_SANDBOX_PORT ?? 12111);
const children = [];
let embedded = null;
let stopping = false;

async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
  await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", resolve)))));
  await embedded?.stop();
  process.exit(code);
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

// Asynchronous on purpose: the embedded database lives in this process and must keep serving.
function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed`))));
  });
}

function startChild(command, args, env) {
  const child = spawn(command, args, { stdio: "inherit", env });
  child.once("exit", (code) => {
    if (!stopping) {
      console.error(`${args.join(" ")} stopped (exit ${code}); shutting down.`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

async function waitForHealth(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}

try {
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir });
    databaseUrl = embedded.url;
    console.log(`Embedded database (PGlite) with its data in ${path.join(dataDir, "pglite")}`);
  }
  const env = appEnv({ dataDir, port, databaseUrl, sandboxPort });
  await run("node", ["scripts/prisma.mjs", "migrate", "deploy"], env);
  await run("npx", ["--no-install", "tsx", "scripts/seed-demo.ts"], env);
  await buildIfNeeded(env);
  if (!env.STRIPE_SECRET_KEY) {
    startChild(process.execPath, ["--import", "tsx", "scripts/stripe-sandbox.ts"], {
      ...env,
      STRIPE_SANDBOX_WEBHOOK_URL: `http://127.0.0.1:${port}/api/webhooks/stripe`,
    });
  }
  startChild(process.execPath, ["scripts/serve-app.mjs"], env);
  await waitForHealth(`http://127.0.0.1:${port}/api/health`);
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(
    `\nRefill is running at ${env.NEXTAUTH_URL} (ready in ${seconds}s). Sign in as owner@demo.test, admin@demo.test, ann@demo.test or vic@demo.test with password demo-password. API keys: demo ${env.SEED_API_KEY_DEMO}, northside ${env.SEED_API_KEY_NORTHSIDE}.${env.REFILL_DEV_MAILBOX ? ` Emails: ${env.NEXTAUTH_URL}/dev/mailbox.` : ""} Ctrl-C stops.\n`,
  );
} catch (error) {
  console.error(`\nThe demo could not start: ${error.message}`);
  await stop(1);
}

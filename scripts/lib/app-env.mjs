// The environment the app server runs with: secrets kept under DATA_DIR, URL derived from PORT.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

function keptSecret(dataDir, file, make) {
  const location = path.join(dataDir, file);
  if (existsSync(location)) return readFileSync(location, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const value = make();
  writeFileSync(location, value, { mode: 0o600 });
  return value;
}

export function appEnv({ dataDir, port, databaseUrl, sandboxPort }) {
  const env = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" };
  env.NEXTAUTH_SECRET ||= keptSecret(dataDir, "nextauth-secret", () => randomBytes(32).toString("base64url"));
  // next-auth needs the exact origin the browser uses: localhost and 127.0.0.1 differ.
  env.NEXTAUTH_URL ||= `http://localhost:${port}`;
  if (!env.SMTP_URL) env.REFILL_DEV_MAILBOX = "1";
  if (!env.STRIPE_SECRET_KEY) {
    env.STRIPE_SANDBOX_PORT = String(sandboxPort);
    // A STRIPE_WEBHOOK_SECRET that is set is the one both the app and the sandbox use.
    env.STRIPE_WEBHOOK_SECRET ||= keptSecret(dataDir, "stripe-webhook-secret", () => `whsec_${randomBytes(24).toString("hex")}`);
    env.STRIPE_SANDBOX_SECRET_KEY ||= "sk_test_refill_sandbox";
    env.STRIPE_SANDBOX_CONTROL_TOKEN ||= keptSecret(dataDir, "stripe-sandbox-control-token", () => randomBytes(24).toString("base64url"));
  }
  for (const name of ["SEED_API_KEY_DEMO", "SEED_API_KEY_NORTHSIDE"]) {
    env[name] ||= keptSecret(dataDir, name.toLowerCase(), () => `rf_live_${randomBytes(24).toString("base64url")}`);
  }
  return env;
}

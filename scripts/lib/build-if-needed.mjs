// Builds the production app when there is no build or the sources changed since the last one.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "prisma/schema.prisma", "public", "next.config.mjs", "package-lock.json", "instrumentation.ts", "tsconfig.json"];
const SKIP = new Set(["node_modules", ".next", "generated"]);

function walk(entry, hash) {
  if (!existsSync(entry)) return;
  const stat = statSync(entry);
  if (stat.isDirectory()) {
    for (const child of readdirSync(entry).sort()) if (!SKIP.has(child)) walk(path.join(entry, child), hash);
  } else {
    hash.update(`${entry}:${stat.size}:${stat.mtimeMs}\n`);
  }
}

export function sourceFingerprint() {
  const hash = createHash("sha256");
  for (const source of SOURCES) walk(source, hash);
  return hash.digest("hex");
}

export async function buildIfNeeded(env) {
  const marker = ".next/refill-build-fingerprint";
  const fingerprint = sourceFingerprint();
  if (existsSync(".next/BUILD_ID") && existsSync(marker) && readFileSync(marker, "utf8") === fingerprint) return false;
  console.log("Building the production app (first start or changed sources; under a minute)…");
  // The Prisma client is generated from the schema: regenerate it, in case the schema changed
  // since `npm install` (e.g. after a pull).
  const generated = await new Promise((resolve) => {
    const child = spawn(process.execPath, ["scripts/prisma.mjs", "generate"], { stdio: "inherit", env });
    child.once("exit", resolve);
  });
  if (generated !== 0) throw new Error("prisma generate failed");
  // Asynchronous: an embedded database in the calling process must keep serving meanwhile.
  const status = await new Promise((resolve) => {
    const child = spawn("npx", ["--no-install", "next", "build"], { stdio: "inherit", env: { ...env, NEXT_TELEMETRY_DISABLED: "1" } });
    child.once("exit", resolve);
  });
  if (status !== 0) throw new Error("next build failed");
  writeFileSync(marker, fingerprint);
  return true;
}

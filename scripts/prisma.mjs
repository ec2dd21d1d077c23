// Runs the Prisma CLI offline: Prisma 6.19.3 with the JS schema engine needs DATABASE_URL set
// on every call (a placeholder is enough for `generate`), or it tries to download an engine.
import { spawnSync } from "node:child_process";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.DATABASE_URL ||= "postgresql://placeholder@127.0.0.1:1/none";
const result = spawnSync("npx", ["--no-install", "prisma", ...process.argv.slice(2)], { stdio: "inherit", env });
process.exit(result.status ?? 1);

import { spawnSync } from "node:child_process";
import pg from "pg";

/** TPC-B with pgbench in a scratch database on the same server: the yardstick. */
export async function runPgbench(baseUrl: string): Promise<{ tps: number | null; note?: string }> {
  const url = new URL(baseUrl);
  const name = `refill_pgbench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const args = ["-h", url.hostname, "-p", url.port || "5432", "-U", decodeURIComponent(url.username || "postgres")];
  const env = { ...process.env, PGPASSWORD: decodeURIComponent(url.password) };
  try {
    const init = spawnSync("pgbench", [...args, "-i", "-s", "10", "-q", name], { env, encoding: "utf8" });
    if (init.status !== 0) return { tps: null, note: `pgbench -i failed: ${init.stderr.slice(0, 200)}` };
    const run = spawnSync("pgbench", [...args, "-c", "16", "-j", "2", "-T", "10", name], { env, encoding: "utf8" });
    const match = /tps = ([\d.]+) \(without initial connection time\)/.exec(run.stdout) ?? /tps = ([\d.]+)/.exec(run.stdout);
    return match ? { tps: Number(match[1]) } : { tps: null, note: `pgbench output not understood: ${run.stderr.slice(0, 200)}` };
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

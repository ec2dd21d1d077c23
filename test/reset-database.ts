import { pgPool } from "@/lib/db";

/** Empties every table but Prisma's migration record; integration files run one at a time. */
export async function resetDatabase(): Promise<void> {
  const { rows } = await pgPool().query<{ tablename: string }>(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'",
  );
  if (rows.length === 0) return;
  await pgPool().query(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

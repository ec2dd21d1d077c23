import type pg from "pg";

/**
 * A workspace with `members` members, each with one never-expiring top-up of `credits`, made in
 * bulk SQL (the engine's own grant path is covered by tests; here we only need the state).
 */
export async function createBenchWorkspace(pool: pg.Pool, options: { slug: string; members: number; credits: number }) {
  const ws = `ws_${options.slug}`;
  await pool.query(`INSERT INTO workspaces (id, slug, name, policy) VALUES ($1, $2, $2, '{"ledger":{"starterCredits":0}}')`, [ws, options.slug]);
  await pool.query(
    `INSERT INTO users (id, email, name) SELECT $1 || '_u' || i, $1 || '-' || i || '@bench.test', 'Bench ' || i FROM generate_series(1, $2) i`,
    [options.slug, options.members],
  );
  await pool.query(
    `INSERT INTO memberships (id, workspace_id, user_id, role) SELECT $1 || '_m' || i, $2, $1 || '_u' || i, 'member' FROM generate_series(1, $3) i`,
    [options.slug, ws, options.members],
  );
  await pool.query(
    `INSERT INTO credit_accounts (id, workspace_id, user_id) SELECT $1 || '_a' || i, $2, $1 || '_u' || i FROM generate_series(1, $3) i`,
    [options.slug, ws, options.members],
  );
  await pool.query(
    `INSERT INTO credit_grants (id, workspace_id, account_id, source, amount, remaining, memo)
     SELECT $1 || '_g' || i, $2, $1 || '_a' || i, 'top_up', $4::int, $4::int, 'Bench top-up' FROM generate_series(1, $3) i`,
    [options.slug, ws, options.members, options.credits],
  );
  await pool.query(
    `INSERT INTO credit_ledger_entries (workspace_id, account_id, user_id, grant_id, type, source, credits, balance_after)
     SELECT $2, $1 || '_a' || i, $1 || '_u' || i, $1 || '_g' || i, 'grant', 'top_up', $4::int, $4::int FROM generate_series(1, $3) i`,
    [options.slug, ws, options.members, options.credits],
  );
  const userIds = Array.from({ length: options.members }, (_, i) => `${options.slug}_u${i + 1}`);
  return { workspaceId: ws, userIds };
}

/**
 * One member with `entries` ledger entries: a grant and entries − 1 debits of one credit, so the
 * ledger still verifies (Σ entries = remaining = 1).
 */
export async function createEventsHistory(pool: pg.Pool, options: { slug: string; entries: number }) {
  const { workspaceId, userIds } = await createBenchWorkspace(pool, { slug: options.slug, members: 1, credits: options.entries });
  const [userId] = userIds;
  await pool.query(
    `INSERT INTO credit_usages (id, workspace_id, account_id, user_id, kind, status, feature_key, credits, created_at)
     VALUES ($1 || '_use', $2, $1 || '_a1', $3, 'usage', 'captured', 'chat_reply', $4::int - 1, now())`,
    [options.slug, workspaceId, userId, options.entries],
  );
  await pool.query(
    `INSERT INTO credit_ledger_entries (workspace_id, account_id, user_id, grant_id, usage_id, type, source, credits, balance_after, created_at)
     SELECT $2, $1 || '_a1', $3, $1 || '_g1', $1 || '_use', 'debit', 'top_up', -1, $4::int - i, now() FROM generate_series(1, $4::int - 1) i`,
    [options.slug, workspaceId, userId, options.entries],
  );
  await pool.query(`UPDATE credit_grants SET remaining = 1 WHERE id = $1`, [`${options.slug}_g1`]);
  await pool.query("ANALYZE credit_ledger_entries");
  return { workspaceId, userId };
}

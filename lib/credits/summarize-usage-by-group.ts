import { pgPool } from "@/lib/db";

export type TUsageByFeature = { feature: string; name: string; credits: number; uses: number };
export type TUsageByGroup = { group: string | null; credits: number; uses: number };
export type TUsageSummary = {
  since: string;
  until: string;
  totalCredits: number;
  byFeature: TUsageByFeature[];
  byGroup: TUsageByGroup[];
};

const DAY_MS = 86_400_000;

/**
 * Captured credits (net of refunds) over the last `days`, by feature and by the usage's group
 * (a livestream, order, campaign…), largest first. Scoped to the workspace; with `memberId`
 * only that member's usage. Uses settle time, so a hold counts when it was captured; holds last
 * at most 7 days, so the bound on created_at (indexed) never drops a usage settled in the period.
 */
export async function summarizeUsageByGroup(options: {
  workspaceId: string;
  memberId?: string;
  days: number;
  now?: Date;
}): Promise<TUsageSummary> {
  const until = options.now ?? new Date();
  const since = new Date(until.getTime() - options.days * DAY_MS);
  const values: unknown[] = [options.workspaceId, since, until];
  const memberClause = options.memberId ? `AND u.user_id = $${values.push(options.memberId)}` : "";
  const { rows } = await pgPool().query<{ feature: string; name: string | null; group: string | null; credits: number; uses: number }>({
    text: `
      SELECT u.feature_key AS feature, f.name, u.group_key AS "group",
             sum(u.credits - u.credits_refunded)::float8 AS credits, count(*)::int AS uses
        FROM credit_usages u
        LEFT JOIN credit_features f ON f.key = u.feature_key
       WHERE u.workspace_id = $1 AND u.status = 'captured'
         AND u.created_at >= $2::timestamptz - interval '7 days' AND u.created_at < $3
         AND COALESCE(u.settled_at, u.created_at) >= $2 AND COALESCE(u.settled_at, u.created_at) < $3
         ${memberClause}
       GROUP BY u.feature_key, f.name, u.group_key`,
    values,
  });
  const byFeature = new Map<string, TUsageByFeature>();
  const byGroup = new Map<string | null, TUsageByGroup>();
  let totalCredits = 0;
  for (const row of rows) {
    totalCredits += row.credits;
    const feature = byFeature.get(row.feature) ?? { feature: row.feature, name: row.name ?? row.feature, credits: 0, uses: 0 };
    feature.credits += row.credits;
    feature.uses += row.uses;
    byFeature.set(row.feature, feature);
    const group = byGroup.get(row.group) ?? { group: row.group, credits: 0, uses: 0 };
    group.credits += row.credits;
    group.uses += row.uses;
    byGroup.set(row.group, group);
  }
  const largestFirst = <T extends { credits: number }>(list: T[]) => list.sort((a, b) => b.credits - a.credits);
  return {
    since: since.toISOString(),
    until: until.toISOString(),
    totalCredits,
    byFeature: largestFirst([...byFeature.values()]),
    byGroup: largestFirst([...byGroup.values()]),
  };
}

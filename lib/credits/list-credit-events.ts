import { pgPool } from "@/lib/db";
import { findWorkspaceMember } from "@/lib/credits/find-workspace-member";
import type { CreditSource, LedgerEntryType } from "@/lib/generated/prisma/enums";

export type TCreditEvent = {
  id: string;
  type: LedgerEntryType;
  credits: number;
  /** The grant's source; a member's draw on the workspace pool reads `pool`. */
  source: CreditSource;
  feature: string | null;
  group: string | null;
  balanceAfter: number;
  createdAt: string;
  usageId: string | null;
  memo: string | null;
};
export type TCreditEventsPage = { events: TCreditEvent[]; nextCursor: string | null };

const SELECT = `
  SELECT e.id::text AS id, e.type::text AS type, e.credits,
         CASE WHEN e.user_id IS NOT NULL AND a.user_id IS NULL THEN 'pool' ELSE e.source::text END AS source,
         u.feature_key AS feature, u.group_key AS "group", e.balance_after::float8 AS "balanceAfter",
         e.created_at AS "createdAt", e.usage_id AS "usageId", e.memo
    FROM credit_ledger_entries e
    JOIN credit_accounts a ON a.id = e.account_id
    LEFT JOIN credit_usages u ON u.id = e.usage_id`;
const MAX_ID = "9223372036854775807";

/**
 * Ledger events newest first, keyset-paginated on the entry id (stable under concurrent
 * writes): a member's (including their pool draws), or the whole workspace's without `member`.
 */
export async function listCreditEvents(options: {
  workspaceId: string;
  member?: string;
  limit?: number;
  cursor?: string;
}): Promise<TCreditEventsPage> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const before = options.cursor ?? MAX_ID;
  const userId = options.member
    ? (await findWorkspaceMember({ workspaceId: options.workspaceId, member: options.member })).userId
    : null;
  const { rows } = userId
    ? await pgPool().query<TCreditEvent & { createdAt: Date }>({
        name: "credits_events_member",
        text: `${SELECT} WHERE e.workspace_id = $1 AND e.user_id = $2 AND e.id < $3::bigint ORDER BY e.id DESC LIMIT $4`,
        values: [options.workspaceId, userId, before, limit + 1],
      })
    : await pgPool().query<TCreditEvent & { createdAt: Date }>({
        name: "credits_events_workspace",
        text: `${SELECT} WHERE e.workspace_id = $1 AND e.id < $2::bigint ORDER BY e.id DESC LIMIT $3`,
        values: [options.workspaceId, before, limit + 1],
      });
  const page = rows.slice(0, limit).map((row) => ({ ...row, createdAt: new Date(row.createdAt).toISOString() }));
  return { events: page, nextCursor: rows.length > limit ? page[page.length - 1].id : null };
}

import { callLedger, requestHash } from "@/lib/credits/ledger-call";
import { getWorkspacePolicy } from "@/lib/credits/policy";
import { getCurrentCycle } from "@/lib/plans/get-current-cycle";
import { addMonthsUTC } from "@/lib/plans/cycle-bounds";
import { prisma } from "@/lib/db";
import type { CreditSource } from "@/lib/generated/prisma/enums";
import type { TGrantResult, TLedgerContext } from "@/lib/credits/types";

export type TGrantCreditsOptions = TLedgerContext & {
  /** Email or user id; null or omitted: the workspace pool. */
  member?: string | null;
  credits: number;
  source: CreditSource;
  /** Omitted: purchased credits follow the policy (`never` or the current cycle's end). */
  expiresAt?: Date | null;
  memo: string;
  idempotencyKey: string;
  purchaseId?: string;
  priority?: number;
};

const PURCHASED: CreditSource[] = ["top_up", "auto_reload", "extra"];

async function policyExpiry(options: TGrantCreditsOptions): Promise<Date | null> {
  if (!PURCHASED.includes(options.source)) return null;
  const policy = await getWorkspacePolicy({ workspaceId: options.workspaceId });
  if (policy.topUps.expiry === "never" && options.source !== "extra") return null;
  const at = options.now ?? new Date();
  const member = options.member
    ? await prisma.user.findFirst({
        where: { OR: [{ id: options.member }, { email: options.member.toLowerCase() }] },
        select: { id: true },
      })
    : null;
  const cycle = await getCurrentCycle({ workspaceId: options.workspaceId, userId: member?.id, at });
  if (cycle) return cycle.end;
  const monthStart = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  return addMonthsUTC(monthStart, 1);
}

/**
 * Adds a grant (a bucket) to a member's account or the pool and writes its `grant` entry.
 * Idempotent per key (required): purchases pass their payment's key so credits land once.
 */
export async function grantCredits(options: TGrantCreditsOptions): Promise<TGrantResult> {
  const expiresAt = options.expiresAt === undefined ? await policyExpiry(options) : options.expiresAt;
  const body = {
    member: options.member ?? null,
    credits: options.credits,
    source: options.source,
    expiresAt: expiresAt?.toISOString() ?? null,
    memo: options.memo,
    purchaseId: options.purchaseId ?? null,
    priority: options.priority ?? 0,
  };
  const outcome = await callLedger<TGrantResult>("credits_grant", {
    ...body,
    workspaceId: options.workspaceId,
    idempotencyKey: options.idempotencyKey,
    requestHash: requestHash(options.expiresAt === undefined ? { ...body, expiresAt: "policy" } : body),
    actor: options.actor ?? null,
    now: options.now?.toISOString(),
  });
  return outcome.body;
}

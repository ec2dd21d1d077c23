import { prisma } from "@/lib/db";
import { roleAllows } from "@/lib/auth/permissions";
import { SPEND_ROLES, unwrapLedgerResult, type TRawResult } from "@/lib/credits/ledger-call";
import type { TBalance } from "@/lib/credits/types";
import { formatCredits } from "@/lib/format";
import { cycleCapCredits, FAILURE_GUARD, failureGuardAllows, loopGuardAllows, planReload, reloadBasis, reloadPriceMinor } from "@/lib/billing/auto-reload/auto-reload-math";
import { previousReloadLeft } from "@/lib/billing/auto-reload/previous-reload-left";
import { findWorkspaceCard, loadReloadContext } from "@/lib/billing/auto-reload/get-auto-reload-terms";
import { chargeReload, type TReloadOutcome } from "@/lib/billing/auto-reload/charge-reload";
import { syncAutoReloadTerms } from "@/lib/billing/auto-reload/sync-auto-reload-terms";

/** A reload in flight longer than this is presumed interrupted; the settle job finishes it. */
export const RELOAD_STALE_MS = 2 * 60_000;

export type TReloadAttempt =
  | TReloadOutcome
  | { status: "in_flight"; purchaseId: string }
  | { status: "not_needed" | "off" | "blocked" | "paused" | "no_paid_plan" | "no_card" | "cap_reached" | "exceeds_reload" | "previous_unspent" | "rate_limited" };

/**
 * Buys credits automatically if, and only if, the workspace turned auto-reload on and every guard
 * allows it: still needed (another reload may have just landed), no reload in flight, none
 * waiting for the payer, a price under the terms as they stand now, one reload covering the blocked
 * request (a larger one is refused, nothing charged), the cycle's cap, the loop guard (the
 * previous reload's credits used up) and the failure guard.
 * Single flight per workspace: the decision and the purchase row are made under a row lock on
 * the setting, which then names the reload in flight; its idempotency key (cycle start and
 * sequence number) makes a second purchase for the same slot impossible. The charge itself runs
 * after the lock is released (see chargeReload).
 */
export async function requestAutoReload(options: {
  workspaceId: string;
  memberUserId: string;
  trigger: "exhaustion" | "threshold";
  /** Exhaustion: what the blocked request needs. */
  required?: number;
  now?: Date;
}): Promise<TReloadAttempt> {
  const now = options.now ?? new Date();
  const context = await loadReloadContext({ workspaceId: options.workspaceId, at: now });
  if (!context.policy.autoReload.available) return { status: "off" };
  // The charge follows the terms as they stand now; owners hear of any change before it is made.
  await syncAutoReloadTerms({ workspaceId: options.workspaceId });

  const decision = await prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM auto_reload_settings WHERE workspace_id = ${options.workspaceId} FOR UPDATE`;
      const setting = await tx.autoReloadSetting.findUnique({ where: { workspaceId: options.workspaceId } });
      if (!setting?.enabled || !setting.payerUserId) return { status: "off" as const };
      // Whoever accepted the terms must still be allowed to: a removal or demotion ends them.
      const accepter = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: options.workspaceId, userId: setting.payerUserId } }, select: { role: true } });
      if (!accepter || !roleAllows(accepter.role, "credits:buy_for_members")) return { status: "off" as const };
      if (options.trigger === "exhaustion" ? !setting.onExhaustion : !setting.onThreshold) return { status: "off" as const };
      if (setting.reloadingPurchaseId && setting.reloadingSince && now.getTime() - setting.reloadingSince.getTime() < RELOAD_STALE_MS) {
        return { status: "in_flight" as const, purchaseId: setting.reloadingPurchaseId };
      }
      if (setting.blockedPurchaseId) return { status: "blocked" as const };

      // Read on this transaction's connection: waiting deciders each hold one, so the lock holder
      // must not need a second (a burst would exhaust the pool).
      const params = JSON.stringify({ spendRoles: SPEND_ROLES, workspaceId: options.workspaceId, member: options.memberUserId, now: now.toISOString() });
      const [row] = await tx.$queryRaw<{ result: TRawResult }[]>`SELECT credits_balance(${params}::jsonb) AS result`;
      const balance = unwrapLedgerResult<TBalance>(row.result).body;
      if (balance.spendingPausedReason) return { status: "paused" as const };
      const required = options.trigger === "exhaustion" ? (options.required ?? 1) : null;
      if (required !== null ? balance.available >= required : balance.available >= (setting.thresholdCredits ?? 0)) return { status: "not_needed" as const };

      const { policy, plan, cycle } = context;
      if ((policy.purchasing.requirePaidPlan && !plan) || !cycle) return { status: "no_paid_plan" as const };
      const planPrice = plan ? { creditPriceMicros: plan.creditPriceMicros, currency: plan.currency, creditsPerCycle: plan.creditsPerCycle } : null;
      if (!reloadBasis(policy.pricing, planPrice, setting.amountCredits)) return { status: "no_paid_plan" as const };
      const card = await findWorkspaceCard(options.workspaceId, tx);
      if (!card) return { status: "no_card" as const };

      const inCycle = await tx.purchase.findMany({
        where: { workspaceId: options.workspaceId, kind: "auto_reload", createdAt: { gte: cycle.start } },
        select: { credits: true, status: true, createdAt: true },
      });
      const failuresSince = Math.max(now.getTime() - FAILURE_GUARD.failuresWindowMs, setting.failuresClearedAt?.getTime() ?? 0);
      const failures = await tx.purchase.count({ where: { workspaceId: options.workspaceId, kind: "auto_reload", status: "failed", createdAt: { gt: new Date(failuresSince), lte: now } } });
      if (!failureGuardAllows(failures)) return { status: "rate_limited" as const };

      const bought = inCycle.filter((p) => p.status !== "failed" && p.status !== "canceled").reduce((sum, p) => sum + p.credits, 0);
      const cap = cycleCapCredits(policy.autoReload.perCycleCap, planPrice, setting.maxCreditsPerCycle, setting.amountCredits);
      const basis = reloadBasis(policy.pricing, planPrice, setting.amountCredits)!;
      const reload = planReload({
        mode: setting.amountMode,
        amountCredits: setting.amountCredits,
        unitCredits: basis.unitCredits,
        available: balance.available,
        required,
        capRemaining: Math.max(0, cap - bought),
      });
      if (reload.status !== "buy") return { status: reload.status };
      const toPool = policy.pool.enabled && policy.ledger.planCreditsTo === "pool";
      const previousLeft = await previousReloadLeft(tx, { workspaceId: options.workspaceId, beneficiaryUserId: toPool ? null : options.memberUserId, now });
      if (!loopGuardAllows({ previousLeft, needed: required ?? setting.thresholdCredits ?? 1 })) return { status: "previous_unspent" as const };
      const credits = reload.credits;
      const chargedBasis = reloadBasis(policy.pricing, planPrice, credits)!;
      const amountMinor = reloadPriceMinor(credits, chargedBasis.priceMicros, policy.autoReload.surchargePercent);
      const pct = policy.autoReload.surchargePercent;
      const purchase = await tx.purchase.create({
        data: {
          workspaceId: options.workspaceId,
          // The workspace's card pays, so its holder is the one who can complete a blocked reload.
          buyerUserId: card.holderUserId,
          payerUserId: card.holderUserId,
          payerScope: "workspace",
          kind: "auto_reload",
          description: `${formatCredits(credits)} credits (auto-reload${pct > 0 ? `, +${pct}% surcharge` : ""})`,
          credits,
          amountMinor,
          currency: chargedBasis.currency,
          // One purchase per slot: the cycle and the reload's number within it.
          idempotencyKey: `auto_reload:${cycle.start.toISOString()}:${inCycle.length + 1}`,
          createdAt: now,
          lines: { create: [{ beneficiaryUserId: toPool ? null : options.memberUserId, credits, amountMinor }] },
        },
      });
      await tx.autoReloadSetting.update({ where: { workspaceId: options.workspaceId }, data: { reloadingPurchaseId: purchase.id, reloadingSince: now } });
      return { status: "charge" as const, purchaseId: purchase.id };
    },
    { timeout: 15_000, maxWait: 15_000 },
  );
  if (decision.status !== "charge") return decision;
  return chargeReload({ workspaceId: options.workspaceId, purchaseId: decision.purchaseId });
}

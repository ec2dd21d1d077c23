import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { resumeSpending } from "@/lib/credits/resume-spending";
import { describeAutoReloadTerms, findWorkspaceCard, loadReloadContext, type TAutoReloadTerms } from "@/lib/billing/auto-reload/get-auto-reload-terms";
import { isAutoReloadPause } from "@/lib/billing/auto-reload/pause-reasons";
import type { TAutoReloadConfig } from "@/lib/billing/auto-reload/schemas";

/** The terms a configuration would have: charged to the workspace's payment method. */
export async function previewAutoReload(options: { workspaceId: string; userId: string; config: TAutoReloadConfig }): Promise<TAutoReloadTerms> {
  const [context, card] = await Promise.all([loadReloadContext({ workspaceId: options.workspaceId }), findWorkspaceCard(options.workspaceId)]);
  return describeAutoReloadTerms(context, options.config, card);
}

/**
 * Turns auto-reload on with the terms the person was shown (their key must match the terms as
 * they stand now, so a plan change in between is caught); reloads charge the workspace's card.
 * The only way auto-reload is ever switched on.
 */
export async function enableAutoReload(options: { workspaceId: string; userId: string; config: TAutoReloadConfig; termsKey: string }): Promise<TAutoReloadTerms> {
  const card = await findWorkspaceCard(options.workspaceId);
  if (!card) throw new AppError("invalid_request", "Auto-reload charges the workspace's card, and there is none yet: an owner adds one on Billing.", { field: "card" });
  const terms = describeAutoReloadTerms(await loadReloadContext({ workspaceId: options.workspaceId }), options.config, card);
  if (terms.termsKey !== options.termsKey) throw new AppError("conflict", "The terms changed since you looked. Review them and confirm again.");
  const { config } = options;
  const data = {
    enabled: true,
    payerUserId: options.userId,
    onThreshold: config.onThreshold,
    onExhaustion: config.onExhaustion,
    thresholdCredits: config.onThreshold ? config.thresholdCredits : null,
    amountMode: config.amountMode,
    amountCredits: config.amountCredits,
    maxCreditsPerCycle: config.maxCreditsPerCycle,
    acceptedPriceMicros: terms.basis.priceMicros,
    acceptedSurcharge: terms.surchargePercent,
    acceptedCurrency: terms.basis.currency,
    acceptedTerms: terms.lines.join("\n"),
    termsKey: terms.stableKey,
    blockedPurchaseId: null,
    failedPaymentMethodId: null,
    failuresClearedAt: new Date(),
    updatedByUserId: options.userId,
  };
  await prisma.$transaction(async (tx) => {
    await tx.autoReloadSetting.upsert({ where: { workspaceId: options.workspaceId }, create: { workspaceId: options.workspaceId, ...data }, update: data });
    await recordAudit(tx, { workspaceId: options.workspaceId, actorUserId: options.userId, action: "auto_reload.enabled", targetType: "workspace", targetId: options.workspaceId, details: { terms: terms.lines } });
  });
  return terms;
}

/**
 * Turns auto-reload off. A pause that auto-reload caused (a failed reload) is lifted: with
 * auto-reload off, a request short of credits is refused plainly instead.
 */
export async function disableAutoReload(options: { workspaceId: string; userId: string }): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.autoReloadSetting.updateMany({ where: { workspaceId: options.workspaceId }, data: { enabled: false, blockedPurchaseId: null, updatedByUserId: options.userId } });
    await recordAudit(tx, { workspaceId: options.workspaceId, actorUserId: options.userId, action: "auto_reload.disabled", targetType: "workspace", targetId: options.workspaceId });
  });
  const state = await prisma.creditWorkspaceState.findUnique({ where: { workspaceId: options.workspaceId } });
  if (isAutoReloadPause(state?.spendingPausedReason)) await resumeSpending({ workspaceId: options.workspaceId });
}

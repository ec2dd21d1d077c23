import { prisma } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { getGateway } from "@/lib/payments/get-gateway";
import { formatMoney } from "@/lib/format";
import { describeAutoReloadTerms, findSavedCard, findWorkspaceCard, loadReloadContext } from "@/lib/billing/auto-reload/get-auto-reload-terms";
import { paymentSourceLine } from "@/lib/billing/payers/payment-source-line";
import { completeReloadPath } from "@/lib/billing/auto-reload/handle-reload-failure";
import { isAutoReloadPause } from "@/lib/billing/auto-reload/pause-reasons";
import { syncAutoReloadTerms } from "@/lib/billing/auto-reload/sync-auto-reload-terms";
import type { TAutoReloadConfig } from "@/lib/billing/auto-reload/schemas";

export type TAutoReloadView = {
  /** Why it cannot be turned on here, or null. */
  unavailable: string | null;
  enabled: boolean;
  /** While on: the terms as they stand now (current plan, policy and card), not as first accepted. */
  currentTerms: string[];
  payerIsYou: boolean;
  config: TAutoReloadConfig;
  triggers: ("threshold" | "exhaustion")[];
  /** The workspace's card reloads charge, in words ("Visa •••• 4242 — the workspace's card, Olivia Owner's"). */
  savedCard: { brand: string; last4: string; line: string } | null;
  /** A reload waiting for the payer (failed, or 3-D Secure), and whether work is paused for it. */
  blocked: { href: string; paused: boolean } | null;
};

/** The Auto-reload card's state for an owner or admin (the viewer would be the payer); null where the policy offers none. */
export async function getAutoReloadView(options: { workspaceId: string; userId: string; workspaceSlug: string }): Promise<TAutoReloadView | null> {
  const [context, card, setting, state] = await Promise.all([
    loadReloadContext({ workspaceId: options.workspaceId }),
    findWorkspaceCard(options.workspaceId),
    prisma.autoReloadSetting.findUnique({ where: { workspaceId: options.workspaceId } }),
    prisma.creditWorkspaceState.findUnique({ where: { workspaceId: options.workspaceId } }),
  ]);
  const rules = context.policy.autoReload;
  if (!rules.available) return null;
  const config: TAutoReloadConfig = setting
    ? { onExhaustion: setting.onExhaustion, onThreshold: setting.onThreshold, thresholdCredits: setting.thresholdCredits, amountMode: setting.amountMode, amountCredits: setting.amountCredits, maxCreditsPerCycle: setting.maxCreditsPerCycle }
    : {
        onExhaustion: rules.triggers.includes("exhaustion"),
        onThreshold: !rules.triggers.includes("exhaustion") && rules.triggers.includes("threshold"),
        thresholdCredits: rules.thresholdCredits,
        amountMode: "fixed",
        amountCredits: rules.reloadCredits,
        maxCreditsPerCycle: null,
      };
  let unavailable: string | null = null;
  try {
    describeAutoReloadTerms(context, { ...config, onThreshold: config.onThreshold && rules.triggers.includes("threshold"), onExhaustion: config.onExhaustion && rules.triggers.includes("exhaustion") }, card);
  } catch (error) {
    if (!isAppError(error)) throw error;
    unavailable = error.message;
  }
  return {
    unavailable,
    enabled: setting?.enabled ?? false,
    currentTerms: setting?.enabled ? ((await syncAutoReloadTerms({ workspaceId: options.workspaceId }))?.lines ?? []) : [],
    payerIsYou: card?.holderUserId === options.userId,
    config,
    triggers: rules.triggers,
    savedCard: card
      ? { brand: card.brand, last4: card.last4, line: paymentSourceLine({ scope: "workspace", card, holderName: card.holderName, holderIsYou: card.holderUserId === options.userId, canUseNewCard: false }) ?? "" }
      : null,
    blocked: setting?.blockedPurchaseId ? { href: completeReloadPath(options.workspaceSlug, setting.blockedPurchaseId), paused: isAutoReloadPause(state?.spendingPausedReason) } : null,
  };
}

export type TBlockedReloadView = {
  purchaseId: string;
  status: string;
  label: string;
  amountLabel: string;
  clientSecret: string | null;
  savedPaymentMethodId: string | null;
  failureMessage: string | null;
};

/** A reload the payer can complete on-session; only the payer (the purchase's buyer) sees it. */
export async function getBlockedReload(options: { workspaceId: string; userId: string; purchaseId: string }): Promise<TBlockedReloadView | null> {
  const purchase = await prisma.purchase.findFirst({ where: { id: options.purchaseId, workspaceId: options.workspaceId, kind: "auto_reload", buyerUserId: options.userId } });
  if (!purchase) return null;
  const [payment, card] = await Promise.all([
    purchase.status !== "succeeded" && purchase.gatewayPaymentIntentId ? getGateway().retrievePayment(purchase.gatewayPaymentIntentId) : null,
    findSavedCard(options.userId),
  ]);
  return {
    purchaseId: purchase.id,
    status: purchase.status,
    label: `${purchase.description} · ${formatMoney(purchase.amountMinor, purchase.currency)}`,
    amountLabel: formatMoney(purchase.amountMinor, purchase.currency),
    clientSecret: payment && "clientSecret" in payment ? payment.clientSecret : null,
    savedPaymentMethodId: card?.paymentMethodId ?? null,
    failureMessage: purchase.failureMessage,
  };
}

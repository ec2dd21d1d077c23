import { createHash } from "node:crypto";
import { formatDate } from "@/lib/format";
import { prisma, type Prisma } from "@/lib/db";
import { getWorkspacePayer } from "@/lib/billing/payers/get-workspace-payer";
import { paymentSourceLine } from "@/lib/billing/payers/payment-source-line";
import { AppError } from "@/lib/errors";
import { getWorkspacePolicy, type TCreditPolicy } from "@/lib/credits/policy";
import { getCurrentCycle, type TCurrentCycle } from "@/lib/plans/get-current-cycle";
import { formatCredits, formatMoney } from "@/lib/format";
import { basePriceMinor, cycleCapCredits, reloadBasis, reloadPriceMinor, type TReloadBasis } from "@/lib/billing/auto-reload/auto-reload-math";
import type { TAutoReloadConfig } from "@/lib/billing/auto-reload/schemas";
import type { Plan } from "@/lib/generated/prisma/client";

export type TReloadContext = { policy: TCreditPolicy; cycle: TCurrentCycle | null; plan: Plan | null };
export type TSavedCard = { paymentMethodId: string; brand: string; last4: string };
export type TWorkspaceCard = TSavedCard & { holderUserId: string; holderName: string; customerId: string };

export type TAutoReloadTerms = {
  config: TAutoReloadConfig;
  basis: TReloadBasis;
  surchargePercent: number;
  /** Fixed: what one reload costs; refill-to: one unit's price. */
  priceMinor: number;
  capCredits: number;
  /** The exact words shown before turning on, and stored with the setting. */
  lines: string[];
  /** Identifies the words shown, for confirming exactly what was seen. */
  termsKey: string;
  /** Identifies what the terms commit to (price, cap, card…): a new one means owners are told. */
  stableKey: string;
};

/** The policy, and the paid plan and cycle covering the member (or the workspace) at `at`. */
export async function loadReloadContext(options: { workspaceId: string; userId?: string | null; at?: Date }): Promise<TReloadContext> {
  const [policy, cycle] = await Promise.all([getWorkspacePolicy({ workspaceId: options.workspaceId }), getCurrentCycle(options)]);
  const plan = cycle && cycle.plan.paid && cycle.subscription.status !== "past_due" ? cycle.plan : null;
  return { policy, cycle, plan };
}

/** A person's saved default card, or null. */
export async function findSavedCard(userId: string): Promise<TSavedCard | null> {
  const customer = await prisma.billingCustomer.findUnique({ where: { userId } });
  if (!customer?.defaultPaymentMethodId) return null;
  return { paymentMethodId: customer.defaultPaymentMethodId, brand: customer.cardBrand ?? "card", last4: customer.cardLast4 ?? "????" };
}

/** The workspace's payment method, which auto-reload charges: its billing owner's default card, or null. */
export async function findWorkspaceCard(workspaceId: string, db?: Prisma.TransactionClient): Promise<TWorkspaceCard | null> {
  const payer = await getWorkspacePayer({ workspaceId, db });
  const customer = payer?.customer;
  if (!payer || !customer?.defaultPaymentMethodId) return null;
  return { paymentMethodId: customer.defaultPaymentMethodId, brand: customer.cardBrand ?? "card", last4: customer.cardLast4 ?? "????", holderUserId: payer.userId, holderName: payer.name, customerId: customer.gatewayCustomerId };
}

/**
 * What auto-reload will charge, when and how often, for a configuration under the policy, in
 * words. Throws `invalid_request` for a configuration the policy does not allow, `forbidden`
 * when auto-reload is not offered or no paid plan covers the workspace.
 */
export function describeAutoReloadTerms(context: TReloadContext, config: TAutoReloadConfig, card: TWorkspaceCard | null): TAutoReloadTerms {
  const { policy, plan, cycle } = context;
  const rules = policy.autoReload;
  if (!rules.available) throw new AppError("forbidden", "Auto-reload is not offered in this workspace.");
  if (policy.purchasing.requirePaidPlan && !plan) throw new AppError("forbidden", "Auto-reload needs an active paid plan.", { reason: "no_paid_plan" });
  if (config.onThreshold && !rules.triggers.includes("threshold")) throw new AppError("invalid_request", "Reloading at a threshold is not offered here.", { field: "onThreshold" });
  if (config.onExhaustion && !rules.triggers.includes("exhaustion")) throw new AppError("invalid_request", "Reloading when credits run out is not offered here.", { field: "onExhaustion" });
  const planPrice = plan ? { creditPriceMicros: plan.creditPriceMicros, currency: plan.currency, creditsPerCycle: plan.creditsPerCycle } : null;
  const basis = reloadBasis(policy.pricing, planPrice, config.amountCredits);
  if (!basis) throw new AppError("forbidden", "Auto-reload cannot be priced without a paid plan.", { reason: "no_paid_plan" });
  if (config.amountMode === "fixed" && config.amountCredits % basis.unitCredits !== 0) {
    throw new AppError("invalid_request", `Reloads are bought in units of ${formatCredits(basis.unitCredits)} credits.`, { field: "amountCredits" });
  }
  const pct = rules.surchargePercent;
  const capCredits = cycleCapCredits(rules.perCycleCap, planPrice, config.maxCreditsPerCycle, config.amountCredits);
  // One reload is the ceiling of one off-session charge, and it must fit in the cycle's cap.
  if (config.amountCredits > capCredits) {
    throw new AppError("invalid_request", `One reload cannot be more than the ${formatCredits(capCredits)} credits allowed per billing cycle.`, { field: "amountCredits" });
  }
  const money = (minor: number) => formatMoney(minor, basis.currency);
  const surcharge = (credits: number) => (pct > 0 ? ` (${money(basePriceMinor(credits, basis.priceMicros))} + ${pct}% surcharge)` : "");

  const when = [
    config.onExhaustion ? "a request needs more credits than are left" : null,
    config.onThreshold ? `the balance falls below ${formatCredits(config.thresholdCredits ?? 0)} credits` : null,
  ].filter(Boolean).join(", or when ");
  const priceMinor = reloadPriceMinor(config.amountMode === "fixed" ? config.amountCredits : basis.unitCredits, basis.priceMicros, pct);
  const what = config.amountMode === "fixed"
    ? `we buy ${formatCredits(config.amountCredits)} credits for ${money(priceMinor)}${surcharge(config.amountCredits)}, one reload at a time.`
    : `we buy enough credits to bring the balance back to ${formatCredits(config.amountCredits)}, in steps of ${formatCredits(basis.unitCredits)} credits at ${money(priceMinor)} each${surcharge(basis.unitCredits)}.`;
  const cap = `At most ${formatCredits(capCredits)} credits per billing cycle${config.amountMode === "fixed" ? ` (${Math.floor(capCredits / config.amountCredits)} reloads of ${formatCredits(config.amountCredits)})` : ""}${cycle ? `; this cycle ends ${formatDate(cycle.end)}` : ""}.`;
  const lines = [
    `When ${when}, ${what}`,
    card
      ? `Charged to ${paymentSourceLine({ scope: "workspace", card, holderName: card.holderName, holderIsYou: false, canUseNewCard: false })}, without asking each time.`
      : "Charged to the workspace's card (an owner sets it on Billing), without asking each time.",
    cap,
    "A request needing more than one reload covers is refused; nothing is charged for it.",
    "The next reload is made only once the previous one's credits are used.",
    "Each charge gets an invoice, a receipt email and a notice here.",
    rules.onPaymentFailure === "pause_spending"
      ? "If a payment fails, metered AI work in this workspace pauses until the payment method is updated, and owners are emailed."
      : "If a payment fails, auto-reload turns itself off and owners are emailed.",
  ];
  const termsKey = createHash("sha256").update(JSON.stringify({ lines, basis, pct })).digest("hex").slice(0, 32);
  // What is charged, how often and to which card — not the cycle's end date, which moves monthly.
  const stable = { config, basis, pct, priceMinor, capCredits, card: card ? [card.paymentMethodId, card.holderUserId] : null, onFailure: rules.onPaymentFailure };
  const stableKey = createHash("sha256").update(JSON.stringify(stable)).digest("hex").slice(0, 32);
  return { config, basis, surchargePercent: pct, priceMinor, capCredits, lines, termsKey, stableKey };
}

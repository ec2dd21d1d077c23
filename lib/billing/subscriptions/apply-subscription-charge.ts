import type { Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { cycleBounds } from "@/lib/plans/cycle-bounds";
import { recordAudit } from "@/lib/audit/record-audit";

/** Plan allotments to end once the transaction has committed (see endPlanCredits). */
export type TPlanCreditsToEnd = { workspaceId: string; subscriptionId: string; from: Date }[];

/**
 * What a paid `subscription` purchase buys, applied in fulfilment's transaction under its row
 * lock (so exactly once): `start` ends the live subscription and begins the new plan from now,
 * paid through its first period; `renewal` extends the paid period, switching to a scheduled
 * downgrade at the boundary. Top-ups are never touched; the replaced plan's allotments end.
 */
export async function applySubscriptionCharge(tx: Prisma.TransactionClient, purchase: { id: string; workspaceId: string; buyerUserId: string; payerUserId: string }, now: Date = new Date()): Promise<TPlanCreditsToEnd> {
  const charge = await tx.subscriptionCharge.findUnique({ where: { purchaseId: purchase.id } });
  if (!charge) throw new AppError("not_found", "This subscription purchase has no plan recorded.");
  if (charge.reason === "start") {
    const live = await tx.subscription.findMany({ where: { workspaceId: purchase.workspaceId, userId: charge.userId, status: { not: "ended" } } });
    const created = await startPlan(tx, { workspaceId: purchase.workspaceId, userId: charge.userId, planId: charge.planId, payerUserId: purchase.payerUserId, from: now, replacing: live.map((s) => s.id) });
    await tx.subscriptionCharge.update({ where: { purchaseId: purchase.id }, data: { subscriptionId: created.id } });
    await recordAudit(tx, { workspaceId: purchase.workspaceId, actorUserId: purchase.buyerUserId, action: live.length > 0 ? "subscription.changed" : "subscription.started", targetType: "subscription", targetId: created.id, details: { planId: charge.planId, purchaseId: purchase.id, replaced: live.map((s) => s.planId) } });
    return live.map((s) => ({ workspaceId: purchase.workspaceId, subscriptionId: s.id, from: now }));
  }

  const subscription = await tx.subscription.findFirst({ where: { id: charge.subscriptionId ?? "", workspaceId: purchase.workspaceId }, include: { plan: true } });
  const billing = subscription ? await tx.subscriptionBilling.findUnique({ where: { subscriptionId: subscription.id } }) : null;
  if (!subscription || !billing || !charge.periodStart) throw new AppError("not_found", "The renewed subscription is gone.");
  const boundary = charge.periodStart;
  if (charge.planId !== subscription.planId) {
    const created = await startPlan(tx, { workspaceId: purchase.workspaceId, userId: subscription.userId, planId: charge.planId, payerUserId: billing.payerUserId, from: boundary, replacing: [subscription.id] });
    await recordAudit(tx, { workspaceId: purchase.workspaceId, action: "subscription.downgraded", targetType: "subscription", targetId: created.id, details: { from: subscription.planId, to: charge.planId, purchaseId: purchase.id } });
    return [{ workspaceId: purchase.workspaceId, subscriptionId: subscription.id, from: boundary }];
  }
  const paidThroughAt = cycleBounds(subscription.anchorAt, subscription.plan.interval, boundary).end;
  await tx.subscriptionBilling.update({ where: { subscriptionId: subscription.id }, data: { paidThroughAt, lastFailureMessage: null, lastAttemptAt: now } });
  await recordAudit(tx, { workspaceId: purchase.workspaceId, action: "subscription.renewed", targetType: "subscription", targetId: subscription.id, details: { paidThroughAt: paidThroughAt.toISOString(), purchaseId: purchase.id } });
  return [];
}

async function startPlan(tx: Prisma.TransactionClient, options: { workspaceId: string; userId: string | null; planId: string; payerUserId: string; from: Date; replacing: string[] }) {
  if (options.replacing.length > 0) {
    await tx.subscription.updateMany({ where: { id: { in: options.replacing } }, data: { status: "ended", endsAt: options.from } });
    await tx.subscriptionBilling.deleteMany({ where: { subscriptionId: { in: options.replacing } } });
  }
  const plan = await tx.plan.findUniqueOrThrow({ where: { id: options.planId } });
  const created = await tx.subscription.create({
    data: { workspaceId: options.workspaceId, userId: options.userId, planId: plan.id, anchorAt: options.from, startedAt: options.from },
  });
  await tx.subscriptionBilling.create({
    data: { subscriptionId: created.id, workspaceId: options.workspaceId, payerUserId: options.payerUserId, paidThroughAt: cycleBounds(options.from, plan.interval, options.from).end },
  });
  return created;
}

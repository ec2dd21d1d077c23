import { prisma } from "@/lib/db";
import { grantCredits } from "@/lib/credits/grant-credits";
import { enqueueEmail } from "@/lib/notify/enqueue-email";
import { createNotification } from "@/lib/notify/create-notification";
import { afterFulfilment } from "@/lib/billing/purchases/after-fulfilment";
import { formatCredits, formatMoney } from "@/lib/format";
import { invoiceLabel } from "@/lib/billing/invoices/invoice-label";
import type { CreditSource } from "@/lib/generated/prisma/enums";
import { applySubscriptionCharge, type TPlanCreditsToEnd } from "@/lib/billing/subscriptions/apply-subscription-charge";
import { endPlanCredits } from "@/lib/billing/subscriptions/end-plan-credits";
import { syncAutoReloadTerms } from "@/lib/billing/auto-reload/sync-auto-reload-terms";

const SOURCE_BY_KIND: Record<string, CreditSource> = { top_up: "top_up", extra: "extra", auto_reload: "auto_reload" };

/**
 * Grants a paid purchase's credits exactly once, whoever calls first (browser confirmation,
 * webhook, reconciliation). Grants are idempotent per purchase line; the invoice, email and
 * `fulfilledAt` commit together under a row lock, so a second caller finds the work done.
 * A `subscription` purchase grants nothing itself: it starts or renews the plan in that same
 * transaction (the ledger then allots the plan's credits per cycle). What follows fulfilment
 * (lifting a pause, saving the card) never undoes or blocks it.
 */
export async function fulfillPurchase(options: { purchaseId: string }): Promise<void> {
  const purchase = await prisma.purchase.findUniqueOrThrow({ where: { id: options.purchaseId }, include: { lines: true } });
  if (purchase.fulfilledAt || purchase.status !== "succeeded") return;
  const isPlan = purchase.kind === "subscription";
  for (const line of isPlan ? [] : purchase.lines) {
    const grant = await grantCredits({
      workspaceId: purchase.workspaceId,
      member: line.beneficiaryUserId,
      credits: line.credits,
      source: SOURCE_BY_KIND[purchase.kind],
      memo: purchase.description,
      idempotencyKey: `purchase:${purchase.id}:line:${line.id}`,
      purchaseId: purchase.id,
      actor: `user:${purchase.buyerUserId}`,
    });
    if (!line.grantId) await prisma.purchaseLine.update({ where: { id: line.id }, data: { grantId: grant.id } });
  }
  let planCreditsToEnd: TPlanCreditsToEnd = [];
  const fulfilled = await prisma.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ fulfilled_at: Date | null }[]>`SELECT fulfilled_at FROM purchases WHERE id = ${purchase.id} FOR UPDATE`;
    if (locked.fulfilled_at) return null;
    if (isPlan) planCreditsToEnd = await applySubscriptionCharge(tx, purchase);
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`invoice:${purchase.workspaceId}`}))`;
    const last = await tx.invoice.aggregate({ where: { workspaceId: purchase.workspaceId }, _max: { number: true } });
    const invoice = await tx.invoice.create({
      data: { workspaceId: purchase.workspaceId, number: (last._max.number ?? 0) + 1, purchaseId: purchase.id, totalMinor: purchase.amountMinor, currency: purchase.currency },
    });
    await tx.purchase.update({ where: { id: purchase.id }, data: { fulfilledAt: new Date() } });
    const [buyer, workspace] = await Promise.all([
      tx.user.findUniqueOrThrow({ where: { id: purchase.buyerUserId } }),
      tx.workspace.findUniqueOrThrow({ where: { id: purchase.workspaceId } }),
    ]);
    const label = invoiceLabel(workspace.slug, invoice.number);
    const total = formatMoney(purchase.amountMinor, purchase.currency);
    await enqueueEmail(
      {
        to: buyer.email,
        kind: "billing_confirmation",
        workspaceId: purchase.workspaceId,
        subject: `Receipt ${label}: ${formatCredits(purchase.credits)} credits for ${workspace.name}`,
        text: `Hello ${buyer.name},\n\nThank you. We charged ${total} for ${purchase.description} (${formatCredits(purchase.credits)} credits) in ${workspace.name}.\nInvoice ${label} is in the workspace's Billing page.\n\nRefill`,
      },
      tx,
    );
    await createNotification(tx, {
      workspaceId: purchase.workspaceId,
      userId: purchase.buyerUserId,
      kind: "purchase_succeeded",
      title: isPlan ? `${purchase.description}: paid` : `${formatCredits(purchase.credits)} credits added`,
      body: `${purchase.description} · ${total} · invoice ${label}`,
      href: `/w/${workspace.slug}/billing`,
    });
    return invoice;
  });
  for (const end of planCreditsToEnd) await endPlanCredits(end);
  if (!fulfilled) return;
  // A new plan changes auto-reload's price and cap: owners are told now, not at the next reload.
  if (isPlan) await syncAutoReloadTerms({ workspaceId: purchase.workspaceId });
  await afterFulfilment(await prisma.purchase.findUniqueOrThrow({ where: { id: purchase.id } }));
}

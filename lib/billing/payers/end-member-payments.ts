import type { Prisma } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { roleAllows } from "@/lib/auth/permissions";
import { cycleBounds } from "@/lib/plans/cycle-bounds";
import { enqueueEmail } from "@/lib/notify/enqueue-email";
import { createNotification } from "@/lib/notify/create-notification";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Ends what a member pays for once they are removed (`role` null) or given a role that may no
 * longer pay for it: auto-reload they accepted is turned off (owners are told), and their personal
 * plan is cancelled at the end of its paid period (no renewal; they are emailed). Must run in the
 * transaction that removes or demotes them, so no charge can slip in between. Returns what ended.
 */
export async function endMemberPayments(tx: Prisma.TransactionClient, options: { workspaceId: string; userId: string; role: Role | null; actorUserId?: string; actorApiKeyId?: string; now?: Date }) {
  const now = options.now ?? new Date();
  const actor = { actorUserId: options.actorUserId, actorApiKeyId: options.actorApiKeyId };
  const [workspace, user] = await Promise.all([
    tx.workspace.findUniqueOrThrow({ where: { id: options.workspaceId }, select: { id: true, slug: true, name: true } }),
    tx.user.findUniqueOrThrow({ where: { id: options.userId }, select: { id: true, name: true, email: true } }),
  ]);
  const why = options.role === null ? `${user.name} was removed from ${workspace.name}` : `${user.name}'s role in ${workspace.name} changed to ${options.role}`;

  let autoReloadOff = false;
  if (!options.role || !roleAllows(options.role, "credits:buy_for_members")) {
    const off = await tx.autoReloadSetting.updateMany({ where: { workspaceId: workspace.id, enabled: true, payerUserId: user.id }, data: { enabled: false, updatedByUserId: options.actorUserId ?? null } });
    autoReloadOff = off.count > 0;
  }
  if (autoReloadOff) {
    await recordAudit(tx, { workspaceId: workspace.id, ...actor, action: "auto_reload.disabled", targetType: "workspace", targetId: workspace.id, details: { reason: "payer_lost_permission", userId: user.id } });
    const owners = await tx.membership.findMany({ where: { workspaceId: workspace.id, role: "owner" }, include: { user: true } });
    const body = `${why}; they had turned auto-reload on, so it is now off. An owner or admin can turn it on again after reviewing the terms.`;
    for (const owner of owners) {
      await createNotification(tx, { workspaceId: workspace.id, userId: owner.userId, kind: "auto_reload_disabled", title: "Auto-reload turned off", body, href: `/w/${workspace.slug}/credits` });
      await enqueueEmail({ to: owner.user.email, kind: "auto_reload_disabled", workspaceId: workspace.id, subject: `Auto-reload turned off — ${workspace.name}`, text: `Hello ${owner.user.name},\n\n${body}\n\nRefill` }, tx);
    }
  }

  const canceled: { subscriptionId: string; endsAt: Date }[] = [];
  if (!options.role || !roleAllows(options.role, "credits:buy_self")) {
    const personal = await tx.subscription.findMany({ where: { workspaceId: workspace.id, userId: user.id, status: { in: ["active", "past_due"] }, endsAt: null }, include: { plan: true } });
    for (const subscription of personal.filter((s) => s.plan.paid)) {
      const billing = await tx.subscriptionBilling.findUnique({ where: { subscriptionId: subscription.id } });
      const endsAt = billing?.paidThroughAt ?? cycleBounds(subscription.anchorAt, subscription.plan.interval, now).end;
      await tx.subscription.update({ where: { id: subscription.id }, data: { status: "canceled", endsAt } });
      if (billing) await tx.subscriptionBilling.update({ where: { subscriptionId: subscription.id }, data: { scheduledPlanId: null } });
      await recordAudit(tx, { workspaceId: workspace.id, ...actor, action: "subscription.canceled", targetType: "subscription", targetId: subscription.id, details: { plan: subscription.plan.key, endsAt: endsAt.toISOString(), reason: options.role === null ? "member_removed" : "member_demoted" } });
      await enqueueEmail({
        to: user.email,
        kind: "subscription_canceled",
        workspaceId: workspace.id,
        subject: `Your ${subscription.plan.name} plan in ${workspace.name} was cancelled`,
        text: `Hello ${user.name},\n\n${options.role === null ? `You were removed from ${workspace.name}` : `Your role in ${workspace.name} changed to ${options.role}`}, so your ${subscription.plan.name} plan there is cancelled: it will not renew and your card will not be charged again. It ends on ${formatDate(endsAt)}.\n\nRefill`,
      }, tx);
      canceled.push({ subscriptionId: subscription.id, endsAt });
    }
  }
  return { autoReloadOff, canceled };
}

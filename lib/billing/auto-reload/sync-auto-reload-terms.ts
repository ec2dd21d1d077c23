import { prisma } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { enqueueEmail } from "@/lib/notify/enqueue-email";
import { createNotification } from "@/lib/notify/create-notification";
import { describeAutoReloadTerms, findWorkspaceCard, loadReloadContext, type TAutoReloadTerms } from "@/lib/billing/auto-reload/get-auto-reload-terms";
import type { TAutoReloadConfig } from "@/lib/billing/auto-reload/schemas";

/**
 * The terms of a workspace's auto-reload as they stand now — derived from the current plan,
 * policy and workspace card, never from what was stored when it was turned on. When they differ
 * from the terms last accepted or announced (a plan change, a policy edit, a new card), they are
 * recorded and every owner gets a notice and an email with the new terms: once per change, as
 * the stored key is replaced with a conditional update. Null when auto-reload is off or cannot
 * be priced now (the reload itself then refuses).
 */
export async function syncAutoReloadTerms(options: { workspaceId: string }): Promise<TAutoReloadTerms | null> {
  const setting = await prisma.autoReloadSetting.findUnique({ where: { workspaceId: options.workspaceId } });
  if (!setting?.enabled) return null;
  const config: TAutoReloadConfig = { onExhaustion: setting.onExhaustion, onThreshold: setting.onThreshold, thresholdCredits: setting.thresholdCredits, amountMode: setting.amountMode, amountCredits: setting.amountCredits, maxCreditsPerCycle: setting.maxCreditsPerCycle };
  const [context, card] = await Promise.all([loadReloadContext({ workspaceId: options.workspaceId }), findWorkspaceCard(options.workspaceId)]);
  let terms: TAutoReloadTerms;
  try {
    terms = describeAutoReloadTerms(context, config, card);
  } catch (error) {
    if (isAppError(error)) return null;
    throw error;
  }
  if (terms.stableKey === setting.termsKey) return terms;

  await prisma.$transaction(async (tx) => {
    const moved = await tx.autoReloadSetting.updateMany({
      where: { workspaceId: options.workspaceId, enabled: true, termsKey: setting.termsKey },
      data: { termsKey: terms.stableKey, acceptedTerms: terms.lines.join("\n"), acceptedPriceMicros: terms.basis.priceMicros, acceptedSurcharge: terms.surchargePercent, acceptedCurrency: terms.basis.currency },
    });
    if (moved.count === 0) return false;
    const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: options.workspaceId }, select: { id: true, slug: true, name: true } });
    const owners = await tx.membership.findMany({ where: { workspaceId: workspace.id, role: "owner" }, include: { user: true } });
    const body = terms.lines.join(" ");
    for (const owner of owners) {
      await createNotification(tx, { workspaceId: workspace.id, userId: owner.userId, kind: "auto_reload_terms_changed", title: "Auto-reload terms changed", body, href: `/w/${workspace.slug}/credits` });
      await enqueueEmail({
        to: owner.user.email,
        kind: "auto_reload_terms_changed",
        workspaceId: workspace.id,
        subject: `Auto-reload terms changed — ${workspace.name}`,
        text: `Hello ${owner.user.name},\n\nA change in ${workspace.name} (its plan, credit policy or card) changed what auto-reload charges. From now on:\n\n${terms.lines.map((line) => `- ${line}`).join("\n")}\n\nTurn it off or adjust it on the Credits page.\n\nRefill`,
      }, tx);
    }
    return true;
  });
  return terms;
}

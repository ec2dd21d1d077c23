import type { PrismaClient } from "@/lib/generated/prisma/client";
import { creditPriceMicros, PLAN_CATALOG } from "@/lib/plans/plan-catalog";
import { createWorkspaceWithRoles } from "./identity";

/** Credits per unit by quality tier: realistic demo features of the five products. */
export const FEATURE_CATALOG = [
  { key: "chart_summary", name: "Chart summary", unit: "summary", fast: 2, balanced: 4, premium: 8 },
  { key: "referral_letter", name: "Referral letter", unit: "letter", fast: 3, balanced: 6, premium: 12 },
  { key: "draft_post", name: "Draft post", unit: "draft", fast: 2, balanced: 5, premium: 10 },
  { key: "video_summary", name: "Video summary", unit: "minute of video", fast: 1, balanced: 2, premium: 4 },
  { key: "ai_clip", name: "AI clip", unit: "clip", fast: 5, balanced: 10, premium: 20 },
  { key: "livestream_minute", name: "Livestream minute", unit: "minute", fast: 2, balanced: 3, premium: 5 },
  { key: "chat_reply", name: "Chat reply", unit: "reply", fast: 1, balanced: 1, premium: 2 },
] as const;

/** Upserts the features price list (idempotent). */
export async function seedFeatures(db: PrismaClient) {
  for (const [index, f] of FEATURE_CATALOG.entries()) {
    const data = { name: f.name, unit: f.unit, creditsFast: f.fast, creditsBalanced: f.balanced, creditsPremium: f.premium, sortOrder: index };
    await db.creditFeature.upsert({ where: { key: f.key }, create: { key: f.key, ...data }, update: data });
  }
}

/** Upserts the plan catalog (idempotent). */
export async function seedPlans(db: PrismaClient) {
  for (const spec of PLAN_CATALOG) {
    const data = { ...spec, creditPriceMicros: creditPriceMicros(spec) };
    await db.plan.upsert({ where: { key: spec.key }, create: data, update: data });
  }
}

/** A live subscription for a workspace (userId null) or a member, anchored at `anchorAt`. */
export async function subscribe(
  db: PrismaClient,
  options: { workspaceId: string; userId?: string | null; planKey: string; anchorAt: Date; startedAt?: Date },
) {
  const plan = await db.plan.findUniqueOrThrow({ where: { key: options.planKey } });
  return db.subscription.create({
    data: {
      workspaceId: options.workspaceId,
      userId: options.userId ?? null,
      planId: plan.id,
      anchorAt: options.anchorAt,
      startedAt: options.startedAt ?? options.anchorAt,
    },
  });
}

/**
 * A fresh workspace with one user per role, the price list and plans seeded and, optionally, a
 * policy preset: what the credit tests start from.
 */
export async function createCreditsWorkspace(db: PrismaClient, options: { label: string; policy?: object }) {
  await seedFeatures(db);
  await seedPlans(db);
  const { workspace, users } = await createWorkspaceWithRoles(db, { label: options.label });
  if (options.policy) await db.workspace.update({ where: { id: workspace.id }, data: { policy: options.policy } });
  return { workspace, users };
}

/**
 * The Credit planner's arithmetic, pure so the browser recomputes on every keystroke without a
 * round trip (same rule as estimateCredits: `after = available − total`, negative when short).
 */
export type TPlannerQuality = "fast" | "balanced" | "premium";
export type TPlannerFeature = { key: string; name: string; unit: string; credits: Record<TPlannerQuality, number> };
export type TPlannerItem = { feature: string; quantity: number; quality?: TPlannerQuality };
export type TPlannerLine = { feature: string; quantity: number; quality: TPlannerQuality; unitCredits: number; credits: number };
export type TPlannerEstimate = { lines: TPlannerLine[]; total: number; available: number; after: number; shortBy: number };

export const PLANNER_QUALITIES: readonly TPlannerQuality[] = ["fast", "balanced", "premium"];
/** Largest quantity one line accepts, as the estimate API does. */
export const MAX_PLANNER_QUANTITY = 1_000_000_000;

/** A typed quantity as a whole number in 0..MAX; blanks, negatives and garbage count as 0. */
export function parsePlannerQuantity(input: string): number {
  const trimmed = input.trim();
  if (!/^\d+$/.test(trimmed)) return 0;
  return Math.min(Number(trimmed), MAX_PLANNER_QUANTITY);
}

export function estimatePlan(features: readonly TPlannerFeature[], items: readonly TPlannerItem[], available: number): TPlannerEstimate {
  const prices = new Map(features.map((f) => [f.key, f]));
  const lines: TPlannerLine[] = [];
  for (const item of items) {
    const feature = prices.get(item.feature);
    if (!feature) continue;
    const quality = item.quality ?? "balanced";
    const quantity = Number.isSafeInteger(item.quantity) && item.quantity > 0 ? item.quantity : 0;
    const unitCredits = feature.credits[quality];
    lines.push({ feature: item.feature, quantity, quality, unitCredits, credits: unitCredits * quantity });
  }
  const total = lines.reduce((sum, line) => sum + line.credits, 0);
  const after = available - total;
  return { lines, total, available, after, shortBy: after < 0 ? -after : 0 };
}

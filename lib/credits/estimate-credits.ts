import { AppError } from "@/lib/errors";
import { getBalance } from "@/lib/credits/get-balance";
import { listFeatures } from "@/lib/credits/list-features";
import type { TEstimateInput } from "@/lib/credits/schemas";

/** Prices planned work against a member's balance: `after = available − total`, negative when short. */
export async function estimateCredits(options: { workspaceId: string } & TEstimateInput) {
  const balance = await getBalance({ workspaceId: options.workspaceId, member: options.member });
  const prices = new Map((await listFeatures()).map((f) => [f.key, f]));
  const lines = options.items.map((item, index) => {
    const feature = prices.get(item.feature);
    if (!feature) {
      throw new AppError("invalid_request", `Invalid \`items.${index}.feature\`: not in the price list.`, {
        field: `items.${index}.feature`,
      });
    }
    const quality = item.quality ?? "balanced";
    const unitCredits = feature.credits[quality];
    return { feature: item.feature, quantity: item.quantity, quality, unitCredits, credits: unitCredits * item.quantity };
  });
  const total = lines.reduce((sum, line) => sum + line.credits, 0);
  return { total, available: balance.available, after: balance.available - total, lines };
}

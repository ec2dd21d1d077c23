export type TPlanOption = { key: string; name: string; creditsPerCycle: number; priceMinor: number; currency: string; paid: boolean; interval: string };

export type TPlanAdvice = {
  packsBought: number;
  creditsBought: number;
  spentOnPacksMinor: number;
  currentPlan: TPlanOption | null;
  suggested: TPlanOption;
  /** What this cycle cost (plan + packs) minus the suggested plan's price. */
  savingMinor: number;
};

/**
 * Plans are cheaper per credit than packs (page 001): after two or more packs in one cycle,
 * the cheapest monthly plan that covers the plan's credits plus the packs' credits, when it costs
 * less than what was paid, with the sums.
 */
export function comparePlans(options: {
  packs: { credits: number; amountMinor: number; currency: string }[];
  currentPlan: TPlanOption | null;
  plans: TPlanOption[];
}): TPlanAdvice | null {
  if (options.packs.length < 2) return null;
  const currency = options.packs[0].currency;
  const creditsBought = options.packs.reduce((sum, pack) => sum + pack.credits, 0);
  const spentOnPacksMinor = options.packs.reduce((sum, pack) => sum + pack.amountMinor, 0);
  const needed = (options.currentPlan?.creditsPerCycle ?? 0) + creditsBought;
  const paidThisCycle = (options.currentPlan?.priceMinor ?? 0) + spentOnPacksMinor;
  const candidates = options.plans
    .filter((plan) => plan.paid && plan.interval === "month" && plan.currency === currency && plan.key !== options.currentPlan?.key && plan.creditsPerCycle >= needed)
    .sort((a, b) => a.priceMinor - b.priceMinor);
  const suggested = candidates[0];
  if (!suggested || suggested.priceMinor >= paidThisCycle) return null;
  return { packsBought: options.packs.length, creditsBought, spentOnPacksMinor, currentPlan: options.currentPlan, suggested, savingMinor: paidThisCycle - suggested.priceMinor };
}

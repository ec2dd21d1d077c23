import { getCurrentCycle } from "@/lib/billing/plans/get-current-cycle";

/** The paid plan covering a member now (theirs, else the workspace's), or null; userId null: the workspace's own. */
export async function findActivePaidPlan(options: { workspaceId: string; userId: string | null; at?: Date }) {
  const cycle = await getCurrentCycle({ workspaceId: options.workspaceId, userId: options.userId ?? undefined, at: options.at });
  if (!cycle || !cycle.plan.paid || cycle.subscription.status === "past_due") return null;
  return cycle.plan;
}

/**
 * The plan that makes a purchase eligible and prices plan-unit offers: every beneficiary must be
 * on a paid plan (their own or the workspace's); for the pool, the workspace's. Null if any is not.
 */
export async function findPlanForBeneficiaries(options: { workspaceId: string; beneficiaries: (string | null)[] }) {
  const plans = await Promise.all(options.beneficiaries.map((userId) => findActivePaidPlan({ workspaceId: options.workspaceId, userId })));
  return plans.every(Boolean) ? plans[0] : null;
}

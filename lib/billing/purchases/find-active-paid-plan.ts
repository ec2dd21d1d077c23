import { getCurrentCycle } from "@/lib/billing/plans/get-current-cycle";

/** The paid plan covering a member now (theirs, else the workspace's), or null. */
export async function findActivePaidPlan(options: { workspaceId: string; userId: string; at?: Date }) {
  const cycle = await getCurrentCycle(options);
  if (!cycle || !cycle.plan.paid || cycle.subscription.status === "past_due") return null;
  return cycle.plan;
}

import { prisma } from "@/lib/db";
import type { TCreditPolicy } from "@/lib/credits/policy";
import type { Plan } from "@/lib/generated/prisma/client";

/**
 * The live paid plan that counts for each beneficiary under the policy's unit (null = the pool):
 * with `planUnit: "member"` a member's own paid plan, else the workspace's; with `"workspace"`
 * (and always for the pool) only the workspace's. A plan in arrears (past_due) does not count.
 * One query, scoped to the workspace; a beneficiary without such a plan maps to null.
 */
export async function findEligiblePlans(options: {
  workspaceId: string;
  policy: TCreditPolicy;
  beneficiaries: (string | null)[];
  at?: Date;
}): Promise<Map<string | null, Plan | null>> {
  const at = options.at ?? new Date();
  const memberUnit = options.policy.ledger.planUnit === "member";
  const memberIds = memberUnit ? options.beneficiaries.filter((b): b is string => b !== null) : [];
  const subscriptions = await prisma.subscription.findMany({
    where: {
      workspaceId: options.workspaceId,
      status: { in: ["active", "canceled"] },
      plan: { paid: true },
      startedAt: { lte: at },
      AND: [{ OR: [{ endsAt: null }, { endsAt: { gt: at } }] }, { OR: [{ userId: null }, ...(memberIds.length ? [{ userId: { in: memberIds } }] : [])] }],
    },
    include: { plan: true },
    orderBy: { startedAt: "asc" },
  });
  const workspacePlan = subscriptions.find((s) => s.userId === null)?.plan ?? null;
  const plans = new Map<string | null, Plan | null>();
  for (const beneficiary of options.beneficiaries) {
    const own = beneficiary !== null && memberUnit ? subscriptions.find((s) => s.userId === beneficiary)?.plan : undefined;
    plans.set(beneficiary, own ?? workspacePlan);
  }
  return plans;
}

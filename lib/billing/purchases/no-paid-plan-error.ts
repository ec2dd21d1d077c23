import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TCreditPolicy } from "@/lib/credits/policy";

/**
 * The refusal of a purchase for beneficiaries without the paid plan the policy's unit requires,
 * naming the members concerned (`details.memberIds`), so the buyer knows what to fix.
 */
export async function noPaidPlanError(options: {
  workspaceId: string;
  policy: TCreditPolicy;
  target: "self" | "members" | "pool";
  ineligible: (string | null)[];
}): Promise<AppError> {
  const memberIds = options.ineligible.filter((id): id is string => id !== null);
  const details = { reason: "no_paid_plan", memberIds };
  if (options.target === "pool") return new AppError("forbidden", "Funding the pool needs an active paid workspace plan.", details);
  if (options.policy.ledger.planUnit === "workspace") {
    return new AppError("forbidden", "Buying credits needs an active paid workspace plan. The owner can subscribe on the Billing page.", details);
  }
  if (options.target === "self") return new AppError("forbidden", "Buying credits needs an active paid plan. Subscribe to a plan first.", details);
  const people = await prisma.user.findMany({
    where: { id: { in: memberIds }, memberships: { some: { workspaceId: options.workspaceId } } },
    select: { name: true, email: true },
    orderBy: { name: "asc" },
  });
  const names = people.map((p) => p.name || p.email).join(", ");
  return new AppError("forbidden", `Every member you top up needs an active paid plan; ${names || "one of them"} has none.`, details);
}

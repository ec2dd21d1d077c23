import { prisma } from "@/lib/db";

/** The active plans in catalog order. */
export async function listPlans() {
  return prisma.plan.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { key: "asc" }] });
}

import { isAdminRole } from "@/lib/auth/permissions";
import type { TCreditPolicy } from "@/lib/credits/policy";

/**
 * Where a person's own purchase lands: the workspace pool when plan credits go there and they
 * administer it (pages 001, 003), otherwise their own balance.
 */
export function defaultPurchaseTarget(policy: TCreditPolicy, role: string): "self" | "pool" {
  return policy.ledger.planCreditsTo === "pool" && policy.pool.enabled && isAdminRole(role) ? "pool" : "self";
}

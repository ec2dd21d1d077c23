import { roleAllows } from "@/lib/auth/permissions";

/**
 * Which invoices a person may see (DESIGN.md: invoices are the owner's): owners
 * (invoices:read_all) every one; anyone else only those of purchases they made.
 */
export function invoiceScope(actor: { role: string; userId: string }): { buyerUserId?: string } {
  return roleAllows(actor.role, "invoices:read_all") ? {} : { buyerUserId: actor.userId };
}

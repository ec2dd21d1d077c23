import { roleAllows } from "@/lib/auth/permissions";
import { getWorkspacePayer } from "@/lib/billing/payers/get-workspace-payer";
import { savedCardOf } from "@/lib/billing/payers/payment-source-line";

export type TWorkspacePaymentMethod = {
  card: { brand: string; last4: string; expMonth: number | null; expYear: number | null } | null;
  holderName: string | null;
  holderIsYou: boolean;
};

/**
 * The workspace's payment method as shown on Billing: brand and last four for everyone who sees
 * workspace billing; the expiry only to owners, who manage it.
 */
export async function getWorkspacePaymentMethod(options: { workspaceId: string; userId: string; role: string }): Promise<TWorkspacePaymentMethod> {
  const payer = await getWorkspacePayer({ workspaceId: options.workspaceId });
  const customer = payer?.customer;
  const manages = roleAllows(options.role, "billing:manage");
  const saved = savedCardOf(customer ?? null);
  const card = saved && { ...saved, expMonth: manages ? (customer?.cardExpMonth ?? null) : null, expYear: manages ? (customer?.cardExpYear ?? null) : null };
  return { card, holderName: payer?.name ?? null, holderIsYou: payer?.userId === options.userId };
}

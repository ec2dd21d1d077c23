import type { Metadata } from "next";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { authorizePage } from "@/lib/auth/authorize-page";
import { roleAllows } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Billing" };

export default async function BillingPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const actor = await authorizePage(workspace, "workspace:read");
  const seesWorkspaceBilling = roleAllows(actor.role, "billing:read");
  return (
    <>
      <PageHeader title="Billing" description={seesWorkspaceBilling ? "Invoices and payment methods of this workspace." : "Your purchases in this workspace."} />
      <Card title={seesWorkspaceBilling ? "Invoices" : "Your purchases"}>
        <EmptyState title="Nothing billed yet">Invoices appear here after the first purchase.</EmptyState>
      </Card>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { CurrentPlan } from "@/components/billing/current-plan";
import { PlanPicker } from "@/components/billing/plan-picker";
import { PaymentMethodPanel } from "@/components/billing/payment-method-panel";
import { InvoiceTable } from "@/components/billing/invoice-table";
import { authorizePage } from "@/lib/actions/authorize-page";
import { roleAllows } from "@/lib/auth/permissions";
import { getGateway } from "@/lib/payments/get-gateway";
import { getWorkspacePolicy } from "@/lib/credits/policy";
import { getPlanOptions } from "@/lib/billing/subscriptions/get-plan-options";
import { getPaymentSource } from "@/lib/billing/payers/get-payment-source";
import { getWorkspacePaymentMethod } from "@/lib/billing/payment-methods/get-workspace-payment-method";
import { listInvoices } from "@/lib/billing/invoices/list-invoices";
import { parseInvoiceFilter } from "@/lib/billing/invoices/invoice-filter";
import { invoiceScope } from "@/lib/billing/invoices/invoice-scope";

export const metadata: Metadata = { title: "Billing" };

type TSearch = Record<string, string | string[] | undefined>;
const day = (d?: Date, minusOne = false) => (d ? new Date(d.getTime() - (minusOne ? 86_400_000 : 0)).toISOString().slice(0, 10) : undefined);

export default async function BillingPage({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: Promise<TSearch> }) {
  const { workspace } = await params;
  const actor = await authorizePage(workspace, "workspace:read");
  const base = `/w/${actor.workspaceSlug}/billing`;
  const seesWorkspaceBilling = roleAllows(actor.role, "billing:read");
  const canManage = roleAllows(actor.role, "billing:manage");
  const gateway = getGateway().browserConfig();
  const policy = await getWorkspacePolicy({ workspaceId: actor.workspaceId });
  const personalPlans = actor.role !== "viewer" && policy.ledger.planCreditsTo === "member" && policy.purchasing.members === "buy";

  if (!seesWorkspaceBilling) {
    const [mine, ownCard] = personalPlans
      ? await Promise.all([getPlanOptions({ workspaceId: actor.workspaceId, userId: actor.userId }), getPaymentSource({ workspaceId: actor.workspaceId, userId: actor.userId, scope: "personal" })])
      : [null, null];
    return (
      <>
        <PageHeader title="Billing" description="Your plan in this workspace." />
        <div className="space-y-6">
          {mine && ownCard ? (
            <Card title="Your AI plan" description="Plan credits reset every cycle and are spent first; top-up credits never expire and are kept when you change or cancel a plan.">
              <div className="space-y-5">
                <CurrentPlan current={mine.current} canManage />
                <PlanPicker plans={mine.plans} pausedOnFree={mine.pausedOnFree} workspaceSlug={actor.workspaceSlug} scope="personal" canManage paymentSource={ownCard} gateway={gateway} />
              </div>
            </Card>
          ) : (
            <Card title="Plans">
              <p className="text-sm text-slate-600">The workspace owner chooses the plan for everyone. Your credits and their history are on the <Link className="font-medium text-brand-700 underline" href={`/w/${actor.workspaceSlug}/credits`}>Credits page</Link>.</p>
            </Card>
          )}
        </div>
      </>
    );
  }

  const search = await searchParams;
  const filter = parseInvoiceFilter(search);
  const [plans, invoices, workspaceCard, workspaceSource] = await Promise.all([
    getPlanOptions({ workspaceId: actor.workspaceId, userId: null }),
    listInvoices({ workspaceId: actor.workspaceId, workspaceSlug: actor.workspaceSlug, filter, ...invoiceScope(actor) }),
    getWorkspacePaymentMethod({ workspaceId: actor.workspaceId, userId: actor.userId, role: actor.role }),
    getPaymentSource({ workspaceId: actor.workspaceId, userId: actor.userId, scope: "workspace" }),
  ]);
  const shownFilter = { kind: filter.kind, from: day(filter.from), to: day(filter.to, true) };
  const nextHref = invoices.nextBefore
    ? `${base}?${new URLSearchParams({ ...Object.fromEntries(Object.entries(shownFilter).filter(([, v]) => v) as [string, string][]), before: String(invoices.nextBefore) })}`
    : null;

  return (
    <>
      <PageHeader title="Billing" description={`Plan, payment method and invoices of ${actor.workspaceName}.`} />
      <div className="space-y-6">
        <Card title="Plan" description={policy.ledger.pauseTopUpsWithoutPaidPlan
          ? "Plan credits reset every cycle. Top-up credits are kept through renewals and plan changes; on Free they are paused until the workspace is on a paid plan again."
          : "Plan credits reset every cycle. Top-up credits are never touched by renewals, plan changes or cancelling."}>
          <div className="space-y-5">
            <CurrentPlan current={plans.current} canManage={canManage} />
            <PlanPicker plans={plans.plans} pausedOnFree={plans.pausedOnFree} workspaceSlug={actor.workspaceSlug} scope="workspace" canManage={canManage} paymentSource={workspaceSource} gateway={gateway} />
            {!canManage && <p className="text-sm text-slate-500">Only the workspace owner can change the plan.</p>}
          </div>
        </Card>
        <Card title="Payment method" description="The workspace's card pays for its plan and renewals, auto-reload, and what owners and admins buy for members or the pool. Members' own top-ups and personal plans use their own cards.">
          <PaymentMethodPanel workspaceSlug={actor.workspaceSlug} method={workspaceCard} canManage={canManage} gateway={gateway} />
        </Card>
        <Card
          title="Invoices"
          description={
            roleAllows(actor.role, "invoices:read_all")
              ? "One numbered invoice per payment, with a line per member it was for."
              : "Invoices of the purchases you made, with a line per member it was for. The owner sees every invoice."
          }
        >
          <InvoiceTable
            base={base}
            filter={shownFilter}
            nextHref={nextHref}
            invoices={invoices.invoices.map((i) => ({ ...i, issuedAt: i.issuedAt.toISOString() }))}
          />
        </Card>
        <Card
          title="Credit log"
          description={
            roleAllows(actor.role, "ledger:read_all")
              ? "Every credit movement of every member: grants, usage, refunds and expiries."
              : "Your credit movements and those of the members you manage: grants, usage, refunds and expiries."
          }
        >
          <div className="flex flex-wrap gap-3 text-sm">
            <Link className="font-medium text-brand-700 underline" href={`/w/${actor.workspaceSlug}/credits`}>Open the credit log (filter by member)</Link>
            <a className="font-medium text-brand-700 underline" href={`/w/${actor.workspaceSlug}/credits/export`}>Export all as CSV</a>
            {roleAllows(actor.role, "audit:read") && <Link className="font-medium text-brand-700 underline" href={`/w/${actor.workspaceSlug}/settings/audit`}>Audit log</Link>}
          </div>
        </Card>
      </div>
    </>
  );
}

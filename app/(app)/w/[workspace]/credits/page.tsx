import type { Metadata } from "next";
import { Suspense } from "react";
import { Card, PageHeader } from "@/components/ui/card";
import { AvailableNow } from "@/components/credits/available-now";
import { BuyCredits, CreditRateBadge } from "@/components/credits/buy-credits";
import { CreditPlanner } from "@/components/credits/credit-planner";
import { CreditHistory } from "@/components/credits/credit-history";
import { authorizePage } from "@/lib/actions/authorize-page";
import { roleAllows } from "@/lib/auth/permissions";
import { getCreditsOverview } from "@/lib/billing/get-credits-overview";
import { listFeatures } from "@/lib/credits/list-features";
import { listCreditHistory } from "@/lib/credits/list-credit-history";
import { GroupedUsageFallback, GroupedUsageSection } from "./grouped-usage-section";
import { parseHistoryFilter } from "@/lib/credits/history-scope";
import { resolveHistoryScope } from "@/lib/credits/resolve-history-scope";
import { CREDIT_HISTORY_PAGE_SIZE, parseUsagePeriod, type TCreditHistoryFilter, type TUsagePeriod } from "@/lib/credits/history-schemas";
import { listMembers } from "@/lib/workspaces/list-members";
import { BuyOffers } from "@/components/payments/buy-offers";
import { getPurchaseContext } from "@/lib/billing/purchases/get-purchase-context";
import { getGateway } from "@/lib/payments/get-gateway";
import { getPlanAdvice } from "@/lib/billing/plan-advice/get-plan-advice";
import { PlanAdviceCard } from "@/components/billing/plan-advice-card";
import { AutoReloadCard } from "@/components/auto-reload/auto-reload-card";
import { getAutoReloadView } from "@/lib/billing/auto-reload/get-auto-reload-view";

export const metadata: Metadata = { title: "Credits" };

type TSearchParams = Record<string, string | string[] | undefined>;

export default async function CreditsPage({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: Promise<TSearchParams> }) {
  const { workspace } = await params;
  const actor = await authorizePage(workspace, "workspace:read");
  const query = await searchParams;
  const period = parseUsagePeriod(query.period);
  const readsAll = roleAllows(actor.role, "ledger:read_all");
  // Owners read the whole log; admins the members they manage; both may filter by member.
  const readsOthers = readsAll || roleAllows(actor.role, "ledger:read_managed");
  const requested = parseHistoryFilter({ type: query.type, member: query.member });
  const { workspaceId, userId } = actor;
  const scope = await resolveHistoryScope({ workspaceId, actor, requestedMemberId: requested.memberId });
  const filter = { ...requested, memberId: scope.memberIds?.length === 1 && requested.memberId === scope.memberIds[0] ? requested.memberId : undefined };

  const [overview, features, history, members, purchaseContext] = await Promise.all([
    getCreditsOverview({ workspaceId, userId, role: actor.role }),
    listFeatures(),
    listCreditHistory({ workspaceId, kind: filter.kind, memberIds: scope.memberIds, limit: CREDIT_HISTORY_PAGE_SIZE }),
    readsOthers ? listMembers({ workspaceId }) : Promise.resolve(null),
    getPurchaseContext({ workspaceId, userId, role: actor.role }),
  ]);
  const gateway = getGateway().browserConfig();
  // Owners and admins manage auto-reload (null where the policy offers none).
  const autoReload = roleAllows(actor.role, "credits:buy_for_members") ? await getAutoReloadView({ workspaceId, userId, workspaceSlug: actor.workspaceSlug }) : null;

  const planAdvice = readsOthers ? await getPlanAdvice({ workspaceId }) : null;

  const base = `/w/${actor.workspaceSlug}`;
  const periodHref = (days: TUsagePeriod) => {
    const next = new URLSearchParams();
    next.set("period", String(days));
    if (requested.kind) next.set("type", requested.kind);
    if (readsOthers && filter.memberId) next.set("member", filter.memberId);
    return `${base}/credits?${next}`;
  };
  // The filter shown is the one applied: a member's own events, whatever the URL asked for.
  const shownFilter: TCreditHistoryFilter = readsOthers ? filter : { kind: filter.kind };
  const pickable = members && scope.selectable ? members.filter((m) => scope.selectable!.includes(m.userId)) : members;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Credits"
        description="Your balance, what planned work will cost, and every credit movement."
        actions={overview.rate ? <CreditRateBadge rate={overview.rate} /> : undefined}
      />
      <div className="grid gap-6 xl:grid-cols-2">
        <AvailableNow balance={overview.balance} planName={overview.planName} billingHref={`${base}/billing`} />
        <BuyCredits
          offers={overview.offers}
          purchase={overview.purchase}
          billingHref={`${base}/billing`}
          renderOffers={(shown) => <BuyOffers offers={shown} workspaceSlug={actor.workspaceSlug} context={purchaseContext} gateway={gateway} />}
        />
      </div>
      {autoReload && <AutoReloadCard workspaceSlug={actor.workspaceSlug} view={autoReload} />}
      {planAdvice && <PlanAdviceCard advice={planAdvice} billingHref={`${base}/billing`} />}
      <Card title="Credit planner" description="Estimate a livestream, the clips and drafts after it, or AI tools before you run them.">
        <CreditPlanner
          features={features}
          available={overview.balance.available}
          topUpHref={overview.purchase === "buy" || overview.purchase === "needs_paid_plan" ? "#buy-credits" : null}
        />
      </Card>
      <Suspense key={period} fallback={<GroupedUsageFallback />}>
        <GroupedUsageSection workspaceId={workspaceId} memberId={readsOthers ? undefined : userId} period={period} periodHref={periodHref} />
      </Suspense>
      <Card
        title="Credit event history"
        description={
          readsAll
            ? "Every credit movement in this workspace, newest first."
            : readsOthers
              ? "Your credit movements and those of the members you manage, newest first."
              : "Every movement of your credits, newest first."
        }
      >
        <CreditHistory
          key={`${shownFilter.kind ?? ""}:${shownFilter.memberId ?? ""}`}
          workspaceSlug={actor.workspaceSlug}
          initial={history}
          filter={shownFilter}
          members={pickable ? pickable.map((m) => ({ userId: m.userId, name: m.name, email: m.email })) : null}
          period={period}
        />
      </Card>
    </div>
  );
}

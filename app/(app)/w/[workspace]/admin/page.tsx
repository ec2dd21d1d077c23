import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/field";
import { MembersPanel } from "@/components/admin/members-panel";
import { BuyForMembers } from "@/components/admin/buy-for-members";
import { TopUpRequestsPanel } from "@/components/admin/topup-requests-panel";
import { PoolPanel } from "@/components/admin/pool-panel";
import { NotificationsList } from "@/components/notify/notifications-list";
import { authorizePage } from "@/lib/actions/authorize-page";
import { roleAllows } from "@/lib/auth/permissions";
import { listMemberOverview } from "@/lib/workspaces/list-member-overview";
import { listPendingInvitations } from "@/lib/workspaces/list-pending-invitations";
import { PendingInvitations } from "@/components/admin/pending-invitations";
import { listTopUpRequests } from "@/lib/requests/list-topup-requests";
import { getAdminPurchaseOptions } from "@/lib/billing/purchases/get-admin-purchase-options";
import { getPoolOverview } from "@/lib/pool/get-pool-overview";
import { listNotifications } from "@/lib/notify/list-notifications";
import { getGateway } from "@/lib/payments/get-gateway";
import { getPaymentSource } from "@/lib/billing/payers/get-payment-source";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const actor = await authorizePage(workspace, "members:manage");
  const scope = { workspaceId: actor.workspaceId };
  const [members, requests, pool, notifications, paymentSource, invitations] = await Promise.all([
    listMemberOverview(scope),
    listTopUpRequests(scope),
    getPoolOverview(scope),
    listNotifications({ workspaceId: actor.workspaceId, userId: actor.userId }),
    // Everything bought here (for members, the pool, approvals) is charged to the workspace's card.
    getPaymentSource({ workspaceId: actor.workspaceId, userId: actor.userId, scope: "workspace" }),
    listPendingInvitations(scope),
  ]);
  const gateway = getGateway().browserConfig();
  const editorMembers = members.filter((m) => m.role !== "viewer");
  const buying = await getAdminPurchaseOptions({ workspaceId: actor.workspaceId, editorIds: editorMembers.map((m) => m.userId) });
  const editors = editorMembers.map((m) => ({ userId: m.userId, name: m.name, email: m.email, available: m.available, eligible: !buying.ineligibleEditorIds.includes(m.userId) }));
  const waiting = requests.filter((r) => r.status === "pending" || r.status === "approving").length;
  const serialized = requests.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), decidedAt: r.decidedAt?.toISOString() ?? null }));

  return (
    <>
      <PageHeader title="Admin" description={`Members, top-ups and requests in ${actor.workspaceName}.`} />
      <div className="grid gap-6">
        <div className="grid gap-6 lg:grid-cols-2">
          <section id="requests" aria-label="Top-up requests">
            <Card title={`Top-up requests${waiting ? ` (${waiting} waiting)` : ""}`} description="Approving buys the package for the member with the workspace's card; declining tells them why.">
              {roleAllows(actor.role, "requests:decide") && (
                <TopUpRequestsPanel workspaceSlug={actor.workspaceSlug} requests={serialized} currentUserId={actor.userId} ineligibleUserIds={buying.ineligibleEditorIds} paymentSource={paymentSource} gateway={gateway} />
              )}
            </Card>
          </section>
          <section id="notifications" aria-label="Notifications">
            <Card title="Notifications">
              <NotificationsList
                workspaceSlug={actor.workspaceSlug}
                unread={notifications.unread}
                items={notifications.items.map((n) => ({ ...n, createdAt: n.createdAt.toISOString() }))}
              />
            </Card>
          </section>
        </div>

        <section id="top-up-members" aria-label="Top up members">
          <Card title="Top up members" description="Choose editors and a package, review the summary and confirm: one charge, credits on each editor.">
            {buying.needsWorkspacePlan ? (
              <Alert tone="info">Top-ups need an active paid workspace plan. Subscribe on the <a className="font-medium underline" href={`/w/${actor.workspaceSlug}/billing`}>Billing page</a> first.</Alert>
            ) : (
              <BuyForMembers workspaceSlug={actor.workspaceSlug} editors={editors} offers={buying.memberOffers} paymentSource={paymentSource} gateway={gateway} />
            )}
          </Card>
        </section>

        {pool.enabled && roleAllows(actor.role, "pool:manage") && (
          <section id="pool" aria-label="Office pool">
            <Card title="Office pool" description="Credits shared by the workspace. A member draws from the pool after their own plan credits, up to their monthly share.">
              <PoolPanel workspaceSlug={actor.workspaceSlug} pool={pool} offers={buying.poolOffers} needsWorkspacePlan={buying.poolNeedsPlan} billingHref={`/w/${actor.workspaceSlug}/billing`} paymentSource={paymentSource} gateway={gateway} />
            </Card>
          </section>
        )}

        <section id="members" aria-label="Members">
          <Card title="Members" description={`${members.length} ${members.length === 1 ? "person" : "people"}. A viewer keeps their credits but cannot use them until their role allows editing again.`}>
            <MembersPanel
              workspaceSlug={actor.workspaceSlug}
              currentUserId={actor.userId}
              members={members.map((m) => ({ userId: m.userId, name: m.name, email: m.email, role: m.role, invitationPending: m.invitationPending, available: m.available }))}
            />
            <PendingInvitations workspaceSlug={actor.workspaceSlug} invitations={invitations.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() }))} />
          </Card>
        </section>
      </div>
    </>
  );
}

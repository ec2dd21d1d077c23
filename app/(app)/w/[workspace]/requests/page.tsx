import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/field";
import { MyTopUpRequests } from "@/components/requests/my-topup-requests";
import { NotificationsList } from "@/components/notify/notifications-list";
import { authorizePage } from "@/lib/actions/authorize-page";
import { isAdminRole } from "@/lib/auth/permissions";
import { listTopUpRequests } from "@/lib/requests/list-topup-requests";
import { getPurchaseContext } from "@/lib/billing/purchases/get-purchase-context";
import { listNotifications } from "@/lib/notify/list-notifications";

export const metadata: Metadata = { title: "Top-up requests" };

export default async function RequestsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const actor = await authorizePage(workspace, "workspace:read");
  const [requests, context, notifications] = await Promise.all([
    listTopUpRequests({ workspaceId: actor.workspaceId, requesterId: actor.userId }),
    getPurchaseContext({ workspaceId: actor.workspaceId, userId: actor.userId, role: actor.role }),
    listNotifications({ workspaceId: actor.workspaceId, userId: actor.userId }),
  ]);
  return (
    <>
      <PageHeader title="Top-up requests" description="Ask your workspace's owners and admins for more credits, and follow what they decide." />
      <div className="grid gap-6">
        {isAdminRole(actor.role) && (
          <Alert tone="info">As an {actor.role}, you buy credits yourself and decide members&apos; requests on the <a className="font-medium underline" href={`/w/${actor.workspaceSlug}/admin#requests`}>Admin page</a>.</Alert>
        )}
        <Card>
          <MyTopUpRequests
            workspaceSlug={actor.workspaceSlug}
            offers={context.offers}
            canRequest={context.mode === "request"}
            requests={requests.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), decidedAt: r.decidedAt?.toISOString() ?? null }))}
          />
        </Card>
        <Card title="Notifications">
          <NotificationsList workspaceSlug={actor.workspaceSlug} unread={notifications.unread} items={notifications.items.map((n) => ({ ...n, createdAt: n.createdAt.toISOString() }))} />
        </Card>
      </div>
    </>
  );
}

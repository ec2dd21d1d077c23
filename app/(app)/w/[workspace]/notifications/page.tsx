import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { NotificationsList } from "@/components/notify/notifications-list";
import { authorizePage } from "@/lib/actions/authorize-page";
import { listNotifications } from "@/lib/notify/list-notifications";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const actor = await authorizePage(workspace, "workspace:read");
  const notifications = await listNotifications({ workspaceId: actor.workspaceId, userId: actor.userId, limit: 50 });
  return (
    <>
      <PageHeader title="Notifications" description={`Purchases, requests and billing notices for you in ${actor.workspaceName}.`} />
      <Card>
        <NotificationsList
          workspaceSlug={actor.workspaceSlug}
          unread={notifications.unread}
          items={notifications.items.map((n) => ({ ...n, createdAt: n.createdAt.toISOString() }))}
        />
      </Card>
    </>
  );
}

import { AppShell } from "@/components/shell/app-shell";
import { authorizePage } from "@/lib/actions/authorize-page";
import { isAdminRole } from "@/lib/auth/permissions";
import { listUserWorkspaces } from "@/lib/workspaces/list-user-workspaces";
import { getBalance } from "@/lib/credits/get-balance";
import { CreditCounter } from "@/components/shell/credit-counter";
import { getWorkspacePolicy } from "@/lib/credits/policy";
import { NotificationsBell } from "@/components/shell/notifications-bell";
import { countUnreadNotifications } from "@/lib/notify/count-unread-notifications";
import { InvitationsBanner } from "@/components/invitations/invitations-banner";
import { listMyInvitations } from "@/lib/workspaces/list-my-invitations";
import { rememberLastWorkspace } from "@/lib/workspaces/remember-last-workspace";

const LOW_CREDITS = 20;

export default async function WorkspaceLayout({ children, params }: { children: React.ReactNode; params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const actor = await authorizePage(workspace, "workspace:read");
  const [workspaces, balance, policy, unread, invitations] = await Promise.all([
    listUserWorkspaces({ userId: actor.userId }),
    getBalance({ workspaceId: actor.workspaceId, member: actor.userId }),
    getWorkspacePolicy({ workspaceId: actor.workspaceId }),
    countUnreadNotifications({ workspaceId: actor.workspaceId, userId: actor.userId }),
    listMyInvitations({ userId: actor.userId }),
    rememberLastWorkspace({ userId: actor.userId, workspaceId: actor.workspaceId }),
  ]);
  // Members ask admins for top-ups where the policy says so; their requests live on this page.
  const showsRequests = actor.role === "member" && policy.purchasing.members === "request";
  const base = `/w/${actor.workspaceSlug}`;
  const navItems = [
    { href: `${base}/work`, label: "Work" },
    { href: `${base}/credits`, label: "Credits" },
    { href: `${base}/billing`, label: "Billing" },
    ...(showsRequests ? [{ href: `${base}/requests`, label: "Requests" }] : []),
    ...(isAdminRole(actor.role) ? [{ href: `${base}/admin`, label: "Admin" }] : []),
    { href: `${base}/settings`, label: "Settings" },
  ];
  return (
    <AppShell
      user={{ name: actor.name, email: actor.email }}
      role={actor.role}
      current={{ slug: actor.workspaceSlug, name: actor.workspaceName, role: actor.role }}
      workspaces={workspaces}
      navItems={navItems}
      banner={invitations.length > 0 ? <InvitationsBanner invitations={invitations.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() }))} /> : undefined}
      headerExtra={
        <>
          <CreditCounter available={balance.available} href={`${base}/credits`} low={balance.available < LOW_CREDITS} />
          <NotificationsBell href={`${base}/notifications`} unread={unread} />
        </>
      }
    >
      {children}
    </AppShell>
  );
}

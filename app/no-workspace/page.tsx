import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { InvitationsBanner } from "@/components/invitations/invitations-banner";
import { getSessionUserId } from "@/lib/auth/authorize";
import { listMyInvitations } from "@/lib/workspaces/list-my-invitations";

export default async function NoWorkspacePage() {
  const userId = await getSessionUserId();
  if (!userId) redirect("/sign-in");
  const invitations = await listMyInvitations({ userId });
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-lg">
        {invitations.length > 0 && <InvitationsBanner invitations={invitations.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() }))} />}
        <div className="rounded-xl bg-white p-6 text-center shadow-sm ring-1 ring-slate-200">
          <h1 className="text-lg font-semibold">You are not in a workspace yet</h1>
          <p className="mt-2 text-sm text-slate-600">
            {invitations.length > 0 ? "Accept an invitation above to join its workspace." : "Ask a workspace owner or admin to invite you; the invitation email signs you in."}
          </p>
          <div className="mt-4"><SignOutButton /></div>
        </div>
      </div>
    </main>
  );
}

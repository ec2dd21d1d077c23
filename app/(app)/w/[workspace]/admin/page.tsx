import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { authorizePage } from "@/lib/auth/authorize-page";
import { listMembers } from "@/lib/workspaces/list-members";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const actor = await authorizePage(workspace, "members:manage");
  const members = await listMembers({ workspaceId: actor.workspaceId });
  return (
    <>
      <PageHeader title="Admin" description="Members and roles of this workspace." />
      <Card title="Members" description={`${members.length} ${members.length === 1 ? "person" : "people"} in ${actor.workspaceName}.`}>
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase text-slate-500">
            <tr><th className="py-2">Name</th><th>Email</th><th>Role</th><th>Joined</th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.map((member) => (
              <tr key={member.userId}>
                <td className="py-2 font-medium">{member.name}</td>
                <td>{member.email}</td>
                <td className="capitalize">{member.role}</td>
                <td>{member.joinedAt.toLocaleDateString("en-GB", { timeZone: "UTC" })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}

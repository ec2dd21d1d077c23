import type { Metadata } from "next";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { authorizePage } from "@/lib/auth/authorize-page";

export const metadata: Metadata = { title: "Work" };

export default async function WorkPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const actor = await authorizePage(workspace, "workspace:read");
  return (
    <>
      <PageHeader title={`Good to see you, ${actor.name.split(" ")[0]}`} description={`Your work in ${actor.workspaceName}.`} />
      <Card title="Your work">
        <EmptyState title="Nothing open yet">Charts, referrals and posts with their AI actions appear here.</EmptyState>
      </Card>
    </>
  );
}

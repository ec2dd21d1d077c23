import type { Metadata } from "next";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { authorizePage } from "@/lib/auth/authorize-page";

export const metadata: Metadata = { title: "Credits" };

export default async function CreditsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  await authorizePage(workspace, "workspace:read");
  return (
    <>
      <PageHeader title="Credits" description="Your balance, where it comes from, and every credit movement." />
      <Card title="Available now">
        <EmptyState title="No credits yet">Credits from your plan, the workspace pool and top-ups appear here.</EmptyState>
      </Card>
    </>
  );
}

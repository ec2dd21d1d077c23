import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/field";
import { CompleteReloadPanel } from "@/components/auto-reload/complete-reload-panel";
import { authorizePage } from "@/lib/actions/authorize-page";
import { getBlockedReload } from "@/lib/billing/auto-reload/get-auto-reload-view";
import { getGateway } from "@/lib/payments/get-gateway";

export const metadata: Metadata = { title: "Complete auto-reload payment" };

// The link owners get when an auto-reload payment needs 3-D Secure or failed.
export default async function CompleteAutoReloadPage({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: Promise<{ purchase?: string }> }) {
  const { workspace } = await params;
  const actor = await authorizePage(workspace, "credits:buy_for_members");
  const { purchase } = await searchParams;
  const reload = purchase ? await getBlockedReload({ workspaceId: actor.workspaceId, userId: actor.userId, purchaseId: purchase }) : null;
  return (
    <div className="max-w-xl space-y-6">
      <PageHeader title="Complete auto-reload payment" description="Confirm the charge with your bank, or pay it with another card. Work resumes once it is paid." />
      <Card>
        {reload ? (
          <CompleteReloadPanel workspaceSlug={actor.workspaceSlug} reload={reload} gateway={getGateway().browserConfig()} />
        ) : (
          <Alert tone="info">
            Only the person whose card auto-reload charges can complete this payment. Others can turn auto-reload off on the{" "}
            <a className="underline" href={`/w/${actor.workspaceSlug}/credits`}>Credits page</a>.
          </Alert>
        )}
      </Card>
    </div>
  );
}

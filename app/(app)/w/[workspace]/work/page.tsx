import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { WorkBoard } from "@/components/work/work-board";
import { authorizePage } from "@/lib/actions/authorize-page";
import { roleAllows } from "@/lib/auth/permissions";
import { listFeatures } from "@/lib/credits/list-features";
import { getPurchaseContext } from "@/lib/billing/purchases/get-purchase-context";
import { getGateway } from "@/lib/payments/get-gateway";
import { WORK_DOCUMENTS } from "@/lib/work/sample-documents";

export const metadata: Metadata = { title: "Work" };

export default async function WorkPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const actor = await authorizePage(workspace, "workspace:read");
  const [features, context] = await Promise.all([
    listFeatures(),
    getPurchaseContext({ workspaceId: actor.workspaceId, userId: actor.userId, role: actor.role }),
  ]);
  const documents = WORK_DOCUMENTS.map((document) => ({
    ...document,
    actions: document.actions.map((action) => ({
      ...action,
      credits: (features.find((f) => f.key === action.feature)?.credits.balanced ?? 0) * action.quantity,
    })),
  }));
  return (
    <>
      <PageHeader title={`Good to see you, ${actor.name.split(" ")[0]}`} description={`Your work in ${actor.workspaceName}. Each AI button shows what it costs.`} />
      <WorkBoard workspaceSlug={actor.workspaceSlug} documents={documents} context={context} gateway={getGateway().browserConfig()} canSpend={roleAllows(actor.role, "credits:spend")} />
    </>
  );
}

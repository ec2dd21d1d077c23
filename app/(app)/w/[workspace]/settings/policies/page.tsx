import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { PolicyForm } from "@/components/policies/policy-form";
import { authorizePage } from "@/lib/actions/authorize-page";
import { getPolicyChoices } from "@/lib/credits/get-policy-choices";

export const metadata: Metadata = { title: "Credit policy" };

export default async function PoliciesPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const actor = await authorizePage(workspace, "policy:manage");
  const choices = await getPolicyChoices({ workspaceId: actor.workspaceId });
  return (
    <>
      <PageHeader
        title="Credit policy"
        description="How credits are bought, shared and kept in this workspace. Changes are recorded in the audit log."
        actions={<Link href={`/w/${actor.workspaceSlug}/settings`} className="text-sm font-medium text-brand-700 underline">Back to settings</Link>}
      />
      <Card>
        <PolicyForm workspaceSlug={actor.workspaceSlug} presets={choices.presets} initial={choices.current} />
      </Card>
    </>
  );
}

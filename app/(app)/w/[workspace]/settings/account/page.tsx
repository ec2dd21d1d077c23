import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import { authorizePage } from "@/lib/actions/authorize-page";
import { hasPassword } from "@/lib/auth/has-password";

export const metadata: Metadata = { title: "Account settings" };

export default async function AccountSettingsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const actor = await authorizePage(workspace, "workspace:read");
  const passwordSet = await hasPassword({ userId: actor.userId });
  return (
    <>
      <PageHeader title="Account settings" description="Your sign-in and sessions, for every workspace you belong to." />
      <div className="space-y-6">
        <Card title="Profile">
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            <div><dt className="text-slate-500">Name</dt><dd className="font-medium">{actor.name}</dd></div>
            <div><dt className="text-slate-500">Email</dt><dd className="break-all font-medium">{actor.email}</dd></div>
          </dl>
        </Card>
        <Card title="Password" description={passwordSet ? "Changing it signs you out everywhere, this browser too." : "You sign in with emailed links. Set a password to sign in with it too."}>
          <ChangePasswordForm hasPassword={passwordSet} />
        </Card>
        <Card title="Sessions" description="Signed in on a computer you no longer use, or lost a device? End every session at once, this one included.">
          <SignOutEverywhere />
        </Card>
      </div>
    </>
  );
}

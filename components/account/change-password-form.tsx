"use client";

import { useState } from "react";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { Alert, Field } from "@/components/ui/field";
import { changePasswordAction } from "@/lib/actions/account/account-actions";

export function ChangePasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);

  async function submit(formData: FormData) {
    const newPassword = String(formData.get("newPassword") ?? "");
    if (newPassword !== String(formData.get("confirmPassword") ?? "")) return setError({ field: "confirmPassword", message: "The two new passwords differ." });
    setPending(true);
    setError(null);
    const result = await changePasswordAction({ currentPassword: hasPassword ? String(formData.get("currentPassword") ?? "") : undefined, newPassword });
    if (!result.ok) {
      setPending(false);
      return setError({ message: result.error.message });
    }
    await signOut({ callbackUrl: "/sign-in" });
  }

  return (
    <form action={submit} className="max-w-sm space-y-4">
      {error && !error.field && <Alert tone="error">{error.message}</Alert>}
      {hasPassword && <Field id="current-password" name="currentPassword" type="password" label="Current password" autoComplete="current-password" required />}
      <Field id="new-password" name="newPassword" type="password" label="New password" autoComplete="new-password" minLength={10} required hint="At least 10 characters." />
      <Field
        id="confirm-password"
        name="confirmPassword"
        type="password"
        label="New password again"
        autoComplete="new-password"
        required
        error={error?.field === "confirmPassword" ? error.message : undefined}
      />
      <Button type="submit" disabled={pending}>{pending ? "Saving…" : hasPassword ? "Change password" : "Set password"}</Button>
    </form>
  );
}

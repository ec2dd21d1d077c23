"use client";

import { useState } from "react";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import { signOutEverywhereAction } from "@/lib/actions/account/account-actions";

export function SignOutEverywhere() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run() {
    setPending(true);
    setError(null);
    const result = await signOutEverywhereAction();
    if (!result.ok) {
      setPending(false);
      return setError(result.error.message);
    }
    await signOut({ callbackUrl: "/sign-in" });
  }

  return (
    <div className="space-y-3">
      {error && <Alert tone="error">{error}</Alert>}
      <Button variant="danger" onClick={run} disabled={pending}>{pending ? "Signing out…" : "Sign out everywhere"}</Button>
    </div>
  );
}

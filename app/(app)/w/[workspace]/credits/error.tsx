"use client";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** Shown when the Credits page fails to load; the digest matches the server's logged error. */
export default function CreditsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Card title="We couldn't load your credits">
      <div role="alert" className="space-y-3 text-sm text-slate-700">
        <p>Something went wrong on our side. Your credits are safe; nothing was charged or spent.</p>
        {error.digest && <p className="text-xs text-slate-500">Error id {error.digest}</p>}
        <Button onClick={reset}>Try again</Button>
      </div>
    </Card>
  );
}

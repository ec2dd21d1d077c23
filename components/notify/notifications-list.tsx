"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { LocalTime } from "@/components/credits/local-time";
import { markNotificationsReadAction } from "@/lib/actions/admin/notification-actions";

export type TNotificationItem = { id: string; title: string; body: string; href: string | null; read: boolean; createdAt: string };

/** The signed-in person's notices in this workspace, unread first marked, with "mark all read". */
export function NotificationsList({ workspaceSlug, items, unread }: { workspaceSlug: string; items: TNotificationItem[]; unread: number }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  if (items.length === 0) return <EmptyState title="No notifications yet">Requests and purchases in this workspace show up here.</EmptyState>;
  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between">
        <p className="text-sm text-slate-600" aria-live="polite">{unread === 0 ? "All read" : `${unread} unread`}</p>
        {unread > 0 && (
          <Button size="sm" variant="ghost" disabled={busy} onClick={async () => {
            setBusy(true);
            await markNotificationsReadAction({ workspaceSlug });
            setBusy(false);
            router.refresh();
          }}>Mark all read</Button>
        )}
      </div>
      <ul className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200" aria-label="Notifications" data-testid="notifications">
        {items.map((n) => (
          <li key={n.id} className={`px-4 py-3 text-sm ${n.read ? "" : "bg-brand-50/50"}`}>
            <p className="font-medium text-slate-900">
              {!n.read && <span className="mr-2 inline-block size-2 rounded-full bg-brand-600 align-middle" aria-label="Unread" />}
              {n.href ? <a href={n.href} className="hover:underline">{n.title}</a> : n.title}
            </p>
            <p className="text-slate-600">{n.body}</p>
            <p className="mt-0.5 text-xs text-slate-500"><LocalTime iso={n.createdAt} /></p>
          </li>
        ))}
      </ul>
    </div>
  );
}

"use client";

import { useSyncExternalStore } from "react";
import { formatDate, formatDateTime } from "@/lib/format";

const subscribe = () => () => {};

function formatTime(iso: string, dateOnly: boolean, locale?: string, timeZone?: string): string {
  return (dateOnly ? formatDate : formatDateTime)(iso, { locale, timeZone });
}

/**
 * A UTC instant shown in the viewer's locale and time zone. The server (and hydration) render a
 * fixed en-GB/UTC text so the markup matches; the browser then switches to the viewer's own.
 */
export function LocalTime({ iso, dateOnly = false }: { iso: string; dateOnly?: boolean }) {
  const text = useSyncExternalStore(
    subscribe,
    () => formatTime(iso, dateOnly, navigator.language, Intl.DateTimeFormat().resolvedOptions().timeZone),
    () => `${formatTime(iso, dateOnly, "en-GB", "UTC")}${dateOnly ? "" : " UTC"}`,
  );
  return (
    <time dateTime={iso} title={iso}>
      {text}
    </time>
  );
}

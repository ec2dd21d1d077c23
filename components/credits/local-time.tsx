"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

function formatTime(iso: string, dateOnly: boolean, locale?: string, timeZone?: string): string {
  const date = new Date(iso);
  return dateOnly
    ? date.toLocaleDateString(locale, { dateStyle: "medium", timeZone })
    : date.toLocaleString(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
}

/**
 * A UTC instant shown in the viewer's locale and time zone. The server (and hydration) render a
 * fixed en-GB/UTC text so the markup matches; the browser then switches to the viewer's own.
 */
export function LocalTime({ iso, dateOnly = false }: { iso: string; dateOnly?: boolean }) {
  const text = useSyncExternalStore(
    subscribe,
    () => formatTime(iso, dateOnly),
    () => `${formatTime(iso, dateOnly, "en-GB", "UTC")}${dateOnly ? "" : " UTC"}`,
  );
  return (
    <time dateTime={iso} title={iso}>
      {text}
    </time>
  );
}

"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/**
 * A bar chart of credits per label. It is a picture of the table beside it, so it is one image
 * with a text summary for screen readers and keeps no keyboard stops of its own.
 */
export function UsageChart({ data, summary }: { data: { label: string; credits: number }[]; summary: string }) {
  return (
    <div role="img" aria-label={summary} className="h-64 w-full" data-testid="usage-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#475569" }} interval={0} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#475569" }} width={56} />
          <Tooltip formatter={(value) => [`${value} credits`, "Used"]} />
          <Bar dataKey="credits" fill="#1f5ad6" radius={[4, 4, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

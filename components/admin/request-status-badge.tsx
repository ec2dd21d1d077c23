const STATUS = {
  pending: { label: "Waiting for approval", className: "bg-amber-50 text-amber-800 ring-amber-200" },
  approving: { label: "Being approved", className: "bg-brand-50 text-brand-700 ring-brand-100" },
  approved: { label: "Approved", className: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  declined: { label: "Declined", className: "bg-red-50 text-red-800 ring-red-200" },
  canceled: { label: "Withdrawn", className: "bg-slate-100 text-slate-700 ring-slate-200" },
} as const;

export function RequestStatusBadge({ status }: { status: keyof typeof STATUS }) {
  const { label, className } = STATUS[status];
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${className}`} data-testid="request-status">{label}</span>;
}

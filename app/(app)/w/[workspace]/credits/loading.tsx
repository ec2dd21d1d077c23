function Block({ className }: { className: string }) {
  return <div className={`animate-pulse rounded-xl bg-white shadow-sm ring-1 ring-slate-200 ${className}`} />;
}

export default function CreditsLoading() {
  return (
    <div className="space-y-6" aria-busy="true">
      <p role="status" className="sr-only">Loading your credits…</p>
      <div className="h-12 w-64 animate-pulse rounded-md bg-slate-200" />
      <div className="grid gap-6 xl:grid-cols-2">
        <Block className="h-64" />
        <Block className="h-64" />
      </div>
      <Block className="h-56" />
      <Block className="h-80" />
    </div>
  );
}

import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="flex min-h-[60vh] items-center justify-center px-4">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-amber-700">403</p>
        <h1 className="mt-1 text-2xl font-semibold">This page needs another role</h1>
        <p className="mt-2 text-sm text-slate-600">Your role in this workspace does not include it. An owner or admin can change your role.</p>
        <Link href="/" className="mt-4 inline-block text-sm font-medium text-brand-600 underline">Back to your work</Link>
      </div>
    </main>
  );
}

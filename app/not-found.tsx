import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-[60vh] items-center justify-center px-4">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-brand-600">404</p>
        <h1 className="mt-1 text-2xl font-semibold">We couldn&apos;t find that</h1>
        <p className="mt-2 text-sm text-slate-600">The page does not exist, or it belongs to a workspace you are not a member of.</p>
        <Link href="/" className="mt-4 inline-block text-sm font-medium text-brand-600 underline">Go to your workspace</Link>
      </div>
    </main>
  );
}

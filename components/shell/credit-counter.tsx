import Link from "next/link";

export function CreditCounter({ available, href, low }: { available: number; href: string; low: boolean }) {
  return (
    <Link
      href={href}
      data-testid="credit-counter"
      aria-label={`${available} credits available. Open Credits.`}
      className={`inline-flex items-center gap-1.5 rounded-full px-3 py-1 text-sm font-medium ring-1 ring-inset ${low ? "bg-amber-50 text-amber-900 ring-amber-200" : "bg-brand-50 text-brand-700 ring-brand-100"}`}
    >
      <span aria-hidden>◆</span>
      <span data-testid="credit-counter-value">{new Intl.NumberFormat("en-GB").format(available)}</span> credits
    </Link>
  );
}

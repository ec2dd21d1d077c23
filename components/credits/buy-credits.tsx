import Link from "next/link";
import { Card } from "@/components/ui/card";
import { OfferList } from "@/components/credits/offer-list";
import { type TOffer } from "@/lib/billing/purchases/price-offers";
import { formatCredits, formatMoney } from "@/lib/format";
import type { TPurchaseAccess } from "@/lib/billing/get-credits-overview";

/** Up to six offers: all of a short list, else a spread of sizes (plan units can run to 1,000). */
function featured(offers: TOffer[]): TOffer[] {
  if (offers.length <= 6) return offers;
  return [0, 1, 4, 9, 24, 49].filter((index) => index < offers.length).map((index) => offers[index]);
}

const NOTES: Partial<Record<TPurchaseAccess, string>> = {
  request: "Members ask an owner or admin for a top-up in this workspace.",
  admins_only: "Owners and admins buy credits for this workspace.",
  viewer: "Viewers can't buy credits. Ask an owner or admin if you need to run paid features.",
};

/**
 * "Buy more credits". `renderOffers` is the slot for the purchase flow: it gets the offers to
 * show to someone allowed to buy (e.g. a client list passing `onBuy` to OfferList); by default
 * each offer links to `?buy=<offerId>`.
 */
export function BuyCredits({
  offers,
  purchase,
  billingHref,
  renderOffers = (shown) => <OfferList offers={shown} />,
}: {
  offers: TOffer[];
  purchase: TPurchaseAccess;
  billingHref: string;
  renderOffers?: (offers: TOffer[]) => React.ReactNode;
}) {
  const shown = featured(offers);
  return (
    <div id="buy-credits" className="scroll-mt-6">
      <Card title="Buy more credits" description="Top-up credits land in your balance shortly after payment.">
        {purchase === "needs_paid_plan" ? (
          <div className="rounded-lg border border-dashed border-slate-300 p-6 text-center" data-testid="buy-needs-paid-plan">
            <p className="font-medium text-slate-800">Buying credits needs a paid plan</p>
            <p className="mt-1 text-sm text-slate-600">Upgrade first, then come back to top up.</p>
            <Link href={billingHref} className="mt-3 inline-block text-sm font-medium text-brand-700 underline">Go to Billing</Link>
          </div>
        ) : shown.length === 0 ? (
          <p className="text-sm text-slate-600">No credit offers are available in this workspace yet.</p>
        ) : purchase === "buy" ? (
          renderOffers(shown)
        ) : (
          <>
            <p className="mb-3 text-sm text-slate-600">{NOTES[purchase]}</p>
            <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Credit offers">
              {shown.map((offer) => (
                <li key={offer.id} className="rounded-lg p-4 ring-1 ring-inset ring-slate-200">
                  <p className="text-lg font-semibold text-slate-900">{formatCredits(offer.credits)} credits</p>
                  <p className="text-sm text-slate-600">{formatMoney(offer.amountMinor, offer.currency)}</p>
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>
    </div>
  );
}

/** The header badge of currency-tier pricing: "120 credits per £1". */
export function CreditRateBadge({ rate }: { rate: { creditsPerMajorUnit: number; currency: string } }) {
  const one = new Intl.NumberFormat("en-GB", { style: "currency", currency: rate.currency.toUpperCase(), minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(1);
  return (
    <span data-testid="credit-rate-badge" className="rounded-full bg-brand-50 px-3 py-1 text-sm font-medium text-brand-700 ring-1 ring-inset ring-brand-100">
      {formatCredits(rate.creditsPerMajorUnit)} credits per {one}
    </span>
  );
}

"use client";

import Link from "next/link";
import { type TOffer } from "@/lib/billing/purchases/price-offers";
import { formatCredits, formatMoney } from "@/lib/format";

const OFFER_CLASS =
  "flex w-full flex-col items-start rounded-lg p-4 text-left ring-1 ring-inset ring-slate-300 hover:bg-slate-50 hover:ring-brand-500";

function OfferBody({ offer }: { offer: TOffer }) {
  return (
    <>
      <span className="text-lg font-semibold text-slate-900">{formatCredits(offer.credits)} credits</span>
      <span className="text-sm text-slate-600">{formatMoney(offer.amountMinor, offer.currency)}</span>
    </>
  );
}

/**
 * The offers as buy buttons. With `onBuy` (the purchase modal, wired by a client parent) each is
 * a button; without it a link to `?buy=<offerId>`, which the page can read to open the purchase.
 */
export function OfferList({ offers, onBuy, disabled = false }: { offers: TOffer[]; onBuy?: (offerId: string) => void; disabled?: boolean }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Credit offers">
      {offers.map((offer) => {
        const name = `Buy ${formatCredits(offer.credits)} credits for ${formatMoney(offer.amountMinor, offer.currency)}`;
        return (
          <li key={offer.id}>
            {onBuy ? (
              <button type="button" className={`${OFFER_CLASS} disabled:cursor-wait disabled:opacity-60`} data-offer-id={offer.id} aria-label={name} disabled={disabled} onClick={() => onBuy(offer.id)}>
                <OfferBody offer={offer} />
              </button>
            ) : (
              <Link href={`?buy=${encodeURIComponent(offer.id)}`} scroll={false} className={OFFER_CLASS} data-offer-id={offer.id} aria-label={name}>
                <OfferBody offer={offer} />
              </Link>
            )}
          </li>
        );
      })}
    </ul>
  );
}

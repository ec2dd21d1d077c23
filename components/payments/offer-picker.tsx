"use client";

import { type TOffer } from "@/lib/billing/purchases/price-offers";
import { formatCredits, formatMoney } from "@/lib/format";

/** A package choice as a labelled radio group, each option showing its credits and price. */
export function OfferPicker({ name, legend, offers, value, onChange, columns = 1 }: {
  name: string;
  legend: string;
  offers: TOffer[];
  value: string | undefined;
  onChange: (offerId: string) => void;
  columns?: 1 | 2;
}) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className={`mt-2 grid gap-2 ${columns === 2 ? "sm:grid-cols-2" : ""}`}>
        {offers.map((o) => (
          <label key={o.id} className={`flex cursor-pointer items-center justify-between rounded-md px-3 py-2 text-sm ring-1 ${o.id === value ? "bg-brand-50 ring-brand-500" : "ring-slate-200"}`}>
            <span className="flex items-center gap-2">
              <input type="radio" name={name} value={o.id} checked={o.id === value} onChange={() => onChange(o.id)} />
              {formatCredits(o.credits)} credits
            </span>
            <span className="font-medium">{formatMoney(o.amountMinor, o.currency)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

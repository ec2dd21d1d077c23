"use client";

import { CardElement } from "@stripe/react-stripe-js";

/**
 * The fields of every card form: the name on the card and Stripe's card Element (number, expiry,
 * CVC, postal code). The Element's own node carries the frame (Stripe.js then draws none of its
 * own), and on a narrow screen expiry, CVC and postal code go under the number, so each part
 * keeps the width of what it holds (a whole "4242 4242 4242 4242" at 375 px).
 */
export function CardFields({ idPrefix, name, onNameChange, onCompleteChange }: {
  idPrefix: string;
  name: string;
  onNameChange: (name: string) => void;
  onCompleteChange: (complete: boolean) => void;
}) {
  const nameId = `${idPrefix}-cardholder-name`;
  return (
    <>
      <div className="space-y-1">
        <label htmlFor={nameId} className="block text-sm font-medium text-slate-800">Name on card</label>
        <input id={nameId} name="cardholder-name" autoComplete="cc-name" value={name} onChange={(e) => onNameChange(e.target.value)} required
          className="block w-full min-w-0 rounded-md px-3 py-2 text-base shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500 sm:text-sm" />
      </div>
      <div className="space-y-1">
        <span className="block text-sm font-medium text-slate-800">Card details</span>
        <CardElement
          className="card-element w-full min-w-0 rounded-md bg-white px-3 py-2.5 ring-1 ring-inset ring-slate-300"
          options={{ hidePostalCode: false }}
          onChange={(event) => onCompleteChange(event.complete)}
        />
      </div>
    </>
  );
}

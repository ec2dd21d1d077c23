/** Which card a payment panel charges and whose it is: brand and last four only, never more. */
export type TPaymentSource = {
  scope: "workspace" | "personal";
  card: { brand: string; last4: string } | null;
  /** The card holder's name (the workspace's billing owner, or the viewer). */
  holderName: string | null;
  holderIsYou: boolean;
  /** Only the card's holder may pay with another card: it becomes their default. */
  canUseNewCard: boolean;
};

type TSavedCustomer = { defaultPaymentMethodId: string | null; cardBrand: string | null; cardLast4: string | null } | null;

/** A customer's saved default card as panels show it (brand and last four), or null. */
export function savedCardOf(customer: TSavedCustomer): { brand: string; last4: string } | null {
  return customer?.defaultPaymentMethodId && customer.cardLast4 ? { brand: customer.cardBrand ?? "card", last4: customer.cardLast4 } : null;
}

function brandLabel(brand: string): string {
  return brand.length > 0 ? brand[0].toUpperCase() + brand.slice(1) : "Card";
}

/** "Visa •••• 4242 — the workspace's card, Olivia Owner's" / "Visa •••• 4242 — your own card". */
export function paymentSourceLine(source: TPaymentSource): string | null {
  if (!source.card) return null;
  const card = `${brandLabel(source.card.brand)} •••• ${source.card.last4}`;
  if (source.scope === "personal") return `${card} — your own card`;
  return `${card} — the workspace's card, ${source.holderIsYou ? "yours" : `${source.holderName ?? "the billing owner"}'s`}`;
}

/** Why a panel cannot take a payment, or null. */
export function paymentSourceBlocker(source: TPaymentSource): string | null {
  if (source.card || source.canUseNewCard) return null;
  return source.holderName
    ? `The workspace has no card yet. ${source.holderName}, whose card pays for this workspace, adds one on Billing.`
    : "The workspace has no payment method. An owner sets the workspace's card on Billing.";
}

"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { OfferList } from "@/components/credits/offer-list";
import { OutOfCreditsDialog } from "@/components/payments/out-of-credits-dialog";
import { Alert } from "@/components/ui/field";
import type { TBrowserGatewayConfig } from "@/components/payments/load-gateway-js";
import type { TPurchaseContext } from "@/lib/billing/purchases/get-purchase-context";
import { type TOffer } from "@/lib/billing/purchases/price-offers";
import { formatCredits } from "@/lib/format";

/** The offers as buttons that open the purchase panel; after payment the page shows the new balance. */
export function BuyOffers({ offers, workspaceSlug, context, gateway }: { offers: TOffer[]; workspaceSlug: string; context: TPurchaseContext; gateway: TBrowserGatewayConfig }) {
  const router = useRouter();
  const [offerId, setOfferId] = useState<string | null>(null);
  const [landed, setLanded] = useState<string | null>(null);
  // Until the refreshed page arrives (new balance, the card just saved), offers wait.
  const [refreshing, startRefresh] = useTransition();
  return (
    <>
      {landed && <div className="mb-3"><Alert tone="success">{landed}</Alert></div>}
      <OfferList offers={offers} disabled={refreshing} onBuy={(id) => { setLanded(null); setOfferId(id); }} />
      {offerId && (
        <OutOfCreditsDialog
          key={offerId}
          open
          onOpenChange={(open) => !open && setOfferId(null)}
          title="Buy credits"
          workspaceSlug={workspaceSlug}
          context={context}
          gateway={gateway}
          shortfall={null}
          initialOfferId={offerId}
          onPaid={async () => {
            const offer = offers.find((o) => o.id === offerId);
            setOfferId(null);
            setLanded(`${formatCredits(offer?.credits ?? 0)} credits added to your balance.`);
            startRefresh(() => router.refresh());
          }}
        />
      )}
    </>
  );
}

import Stripe from "stripe";
import type { PaymentGateway, TCardSummary, TPaymentOutcome } from "@/lib/payments/gateway";
import { AppError } from "@/lib/errors";

type StripeClient = InstanceType<typeof Stripe>;
type StripePaymentIntent = Omit<Awaited<ReturnType<StripeClient["paymentIntents"]["retrieve"]>>, "lastResponse">;
type StripeConfig = ConstructorParameters<typeof Stripe>[1];

export type TStripeGatewayOptions = {
  secretKey: string;
  publishableKey: string;
  webhookSecret: string;
  /** For the sandbox: host, port and protocol of the local Stripe-compatible server. */
  connection?: Pick<NonNullable<StripeConfig>, "host" | "port" | "protocol">;
  stripeJsUrl?: string | null;
};

function outcomeOf(intent: StripePaymentIntent): TPaymentOutcome {
  const paymentMethodId = typeof intent.payment_method === "string" ? intent.payment_method : (intent.payment_method?.id ?? null);
  switch (intent.status) {
    case "succeeded":
      return { status: "succeeded", paymentIntentId: intent.id, paymentMethodId };
    case "requires_action":
      return { status: "requires_action", paymentIntentId: intent.id, clientSecret: intent.client_secret ?? "" };
    case "canceled":
      return { status: "canceled", paymentIntentId: intent.id };
    case "processing":
    case "requires_capture":
      return { status: "processing", paymentIntentId: intent.id };
    default: {
      const error = intent.last_payment_error;
      if (error) {
        return { status: "failed", paymentIntentId: intent.id, clientSecret: intent.client_secret ?? null, code: error.code ?? "card_declined", declineCode: error.decline_code ?? null, message: error.message ?? "The payment was declined." };
      }
      return { status: "requires_payment_method", paymentIntentId: intent.id, clientSecret: intent.client_secret ?? "" };
    }
  }
}

/**
 * Stripe refuses the customer or the card itself (a deleted customer, a detached or foreign
 * card): for this payment that is a failure like a decline, recorded on the purchase, not a
 * crash of whoever was charging it.
 */
function unusableCard(error: unknown): TPaymentOutcome | null {
  const e = error as { type?: string; param?: string; code?: string };
  if (e?.type !== "StripeInvalidRequestError" || (e.param !== "customer" && e.param !== "payment_method")) return null;
  return { status: "failed", paymentIntentId: null, clientSecret: null, code: "payment_method_unusable", declineCode: null, message: "The saved card can no longer be charged." };
}

/**
 * The key was used before with other parameters (say, another card): Stripe refuses it (400
 * `idempotency_error`) and nothing more is charged. Callers key each attempt by its card, so
 * this is a retry racing a change; the person is asked to start again.
 */
function keyReused(error: unknown): never | void {
  if ((error as { type?: string })?.type === "StripeIdempotencyError") {
    throw new AppError("conflict", "This payment was already started with other payment details, so nothing more was charged. Close this and start the payment again.", { reason: "idempotency_key_reused" });
  }
}

function isCardError(error: unknown): error is { type: string; code?: string; decline_code?: string; message: string; raw?: { payment_intent?: { id: string; client_secret?: string } } } {
  return (error as { type?: string })?.type === "StripeCardError";
}

/** The gateway could not be reached or failed on its side: a clear, retryable error for people. */
function unavailable(error: unknown): never {
  const type = (error as { type?: string })?.type;
  if (type === "StripeConnectionError" || type === "StripeAPIError" || type === "StripeRateLimitError") {
    throw new AppError("unavailable", "The payment service is not reachable right now. Nothing was charged; please try again in a moment.");
  }
  throw error;
}

/** The gateway over the real `stripe` SDK: Stripe itself, or the sandbox through `connection`. */
export function createStripeGateway(options: TStripeGatewayOptions): PaymentGateway {
  const stripe: StripeClient = new Stripe(options.secretKey, { ...options.connection, maxNetworkRetries: 2, timeout: 20_000 });

  return {
    browserConfig: () => ({ publishableKey: options.publishableKey, stripeJsUrl: options.stripeJsUrl ?? null }),

    async createCustomer({ email, name, userId, idempotencyKey }) {
      const customer = await stripe.customers.create({ email, name, metadata: { userId } }, { idempotencyKey }).catch(unavailable);
      return customer.id;
    },

    async createPayment(input) {
      try {
        const intent = await stripe.paymentIntents.create(
          {
            amount: input.amountMinor,
            currency: input.currency,
            customer: input.customerId,
            description: input.description,
            metadata: input.metadata,
            // Cards only, confirmed in place: no redirect-based methods, so no return_url.
            automatic_payment_methods: { enabled: true, allow_redirects: "never" as const },
            ...(input.saveCard ? { setup_future_usage: "off_session" as const } : {}),
            ...(input.paymentMethodId ? { payment_method: input.paymentMethodId, confirm: true, off_session: input.offSession ?? false } : {}),
          },
          { idempotencyKey: input.idempotencyKey },
        );
        return outcomeOf(intent);
      } catch (error) {
        keyReused(error);
        if (!isCardError(error)) return unusableCard(error) ?? unavailable(error);
        const failedIntent = error.raw?.payment_intent;
        return {
          status: "failed",
          paymentIntentId: failedIntent?.id ?? null,
          clientSecret: failedIntent?.client_secret ?? null,
          code: error.code ?? "card_declined",
          declineCode: error.decline_code ?? null,
          message: error.message,
        };
      }
    },

    async retrievePayment(paymentIntentId) {
      const intent = await stripe.paymentIntents.retrieve(paymentIntentId).catch(unavailable);
      return { ...outcomeOf(intent), metadata: (intent.metadata ?? {}) as Record<string, string> };
    },

    async findPaymentsByMetadata(key, value) {
      const quote = (text: string) => `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
      const found = await stripe.paymentIntents.search({ query: `metadata[${quote(key)}]:${quote(value)}`, limit: 10 }).catch(unavailable);
      return found.data.map((intent) => ({ ...outcomeOf(intent), metadata: (intent.metadata ?? {}) as Record<string, string> }));
    },

    async retrieveCard(paymentMethodId): Promise<TCardSummary> {
      const method = await stripe.paymentMethods.retrieve(paymentMethodId);
      return {
        paymentMethodId: method.id,
        brand: method.card?.brand ?? "card",
        last4: method.card?.last4 ?? "????",
        expMonth: method.card?.exp_month ?? 0,
        expYear: method.card?.exp_year ?? 0,
      };
    },

    async setDefaultCard(customerId, paymentMethodId) {
      await stripe.customers.update(customerId, { invoice_settings: { default_payment_method: paymentMethodId } });
    },

    async createSetup({ customerId, metadata, idempotencyKey }) {
      const intent = await stripe.setupIntents.create(
        { customer: customerId, metadata, usage: "off_session", automatic_payment_methods: { enabled: true, allow_redirects: "never" as const } },
        { idempotencyKey },
      ).catch((error: unknown) => {
        keyReused(error);
        throw error;
      });
      return { setupIntentId: intent.id, clientSecret: intent.client_secret ?? "" };
    },

    async confirmSetup(setupIntentId) {
      const intent = await stripe.setupIntents.retrieve(setupIntentId).catch((error: { code?: string }) => {
        if (error?.code === "resource_missing") throw new AppError("not_found", "No such card setup.");
        throw error;
      });
      const base = { setupIntentId: intent.id, customerId: typeof intent.customer === "string" ? intent.customer : (intent.customer?.id ?? null), metadata: (intent.metadata ?? {}) as Record<string, string> };
      const clientSecret = intent.client_secret ?? "";
      if (intent.status === "succeeded") {
        const paymentMethodId = typeof intent.payment_method === "string" ? intent.payment_method : (intent.payment_method?.id ?? "");
        return { ...base, status: "succeeded", paymentMethodId };
      }
      if (intent.status === "canceled") return { ...base, status: "canceled" };
      const error = intent.last_setup_error;
      if (error) return { ...base, status: "failed", clientSecret, code: error.code ?? "card_declined", declineCode: error.decline_code ?? null, message: error.message ?? "The card could not be saved." };
      const status = intent.status === "requires_action" ? "requires_action" : intent.status === "processing" ? "processing" : "requires_payment_method";
      return { ...base, status, clientSecret };
    },

    verifyWebhook(rawBody, signatureHeader) {
      const event = stripe.webhooks.constructEvent(rawBody, signatureHeader ?? "", options.webhookSecret);
      const object = event.data.object as { object?: string; id?: string; payment_intent?: string | { id: string } | null };
      const paymentIntentId =
        object.object === "payment_intent" ? (object.id ?? null) : typeof object.payment_intent === "string" ? object.payment_intent : (object.payment_intent?.id ?? null);
      return { id: event.id, type: event.type, paymentIntentId };
    },
  };
}

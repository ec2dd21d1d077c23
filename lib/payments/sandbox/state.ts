import type { Charge, Customer, PaymentIntent, PaymentMethod, SetupIntent, StripeEvent, WebhookEndpoint } from "./types";

/** Objects of one kind in creation order; lists read them newest first, as Stripe does. */
export class ObjectStore<T extends { id: string }> {
  private readonly items = new Map<string, T>();

  get(id: string): T | undefined {
    return this.items.get(id);
  }

  add(item: T): T {
    this.items.set(item.id, item);
    return item;
  }

  delete(id: string): void {
    this.items.delete(id);
  }

  newestFirst(): T[] {
    return [...this.items.values()].reverse();
  }

  clear(): void {
    this.items.clear();
  }
}

/** What the sandbox knows of a card and never shows: the number, and whether it has been set up. */
export interface CardSecret {
  number: string;
  /** Set up for future off-session use (a SetupIntent or a payment with setup_future_usage succeeded). */
  setUp: boolean;
  /** Used by a payment without being attached to a customer: Stripe refuses to reuse it. */
  consumed: boolean;
}

/** Per-intent facts Stripe keeps but does not expose. */
export interface IntentSecret {
  offSession: boolean;
  /** The payment method whose 3-D Secure challenge was completed for this intent, if any. */
  authenticatedPaymentMethod: string | null;
}

export interface SandboxWebhookEndpoint extends WebhookEndpoint {
  secret: string;
}

/** The sandbox's whole memory: one test-mode account. A restart starts empty. */
export class SandboxState {
  readonly customers = new ObjectStore<Customer>();
  readonly paymentMethods = new ObjectStore<PaymentMethod>();
  readonly paymentIntents = new ObjectStore<PaymentIntent>();
  readonly setupIntents = new ObjectStore<SetupIntent>();
  readonly charges = new ObjectStore<Charge>();
  readonly events = new ObjectStore<StripeEvent>();
  /** Webhook endpoints are configuration: `reset()` keeps them, as Stripe's "delete test data" does. */
  readonly webhookEndpoints = new ObjectStore<SandboxWebhookEndpoint>();
  readonly deletedCustomers = new Set<string>();
  readonly cardSecrets = new Map<string, CardSecret>();
  readonly intentSecrets = new Map<string, IntentSecret>();

  reset(): void {
    this.customers.clear();
    this.deletedCustomers.clear();
    this.paymentMethods.clear();
    this.paymentIntents.clear();
    this.setupIntents.clear();
    this.charges.clear();
    this.events.clear();
    this.cardSecrets.clear();
    this.intentSecrets.clear();
  }

  /** The object behind an id, by its prefix; used by `expand[]`. */
  lookup(id: string): { id: string } | undefined {
    const prefix = id.slice(0, id.indexOf("_"));
    switch (prefix) {
      case "cus":
        return this.customers.get(id);
      case "pm":
        return this.paymentMethods.get(id);
      case "pi":
        return this.paymentIntents.get(id);
      case "seti":
        return this.setupIntents.get(id);
      case "ch":
        return this.charges.get(id);
      case "evt":
        return this.events.get(id);
      default:
        return undefined;
    }
  }

  intentSecret(intentId: string): IntentSecret {
    let secret = this.intentSecrets.get(intentId);
    if (!secret) {
      secret = { offSession: false, authenticatedPaymentMethod: null };
      this.intentSecrets.set(intentId, secret);
    }
    return secret;
  }
}

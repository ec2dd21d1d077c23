import { newId, nowSeconds } from "./ids";
import type { SandboxWebhookEndpoint } from "./state";
import type { StripeEvent } from "./types";
import { signWebhookPayload } from "./webhook-signature";

/** Delays before each retry, in milliseconds: Stripe retries for days, the sandbox in seconds. */
export const DEFAULT_RETRY_SCHEDULE: readonly number[] = [1_000, 5_000, 30_000];
const ATTEMPT_TIMEOUT_MS = 10_000;

export interface WebhookAttempt {
  at: number;
  status_code: number | null;
  error: string | null;
}

/** One event bound for one endpoint, as `GET /_sandbox/webhook_deliveries` shows it (inferred shape). */
export interface WebhookDelivery {
  id: string;
  object: "webhook_delivery";
  event_id: string;
  event_type: string;
  endpoint_id: string;
  url: string;
  status: "pending" | "delivered" | "failed";
  attempts: WebhookAttempt[];
}

interface QueuedDelivery extends WebhookDelivery {
  body: string;
  secret: string;
  timer: NodeJS.Timeout | null;
  inFlight: Promise<void> | null;
}

export interface WebhookDispatcherOptions {
  retrySchedule: readonly number[];
  log: (message: string) => void;
  /** Called once per delivery that got a 2xx (Stripe then decrements `pending_webhooks`). */
  onDelivered: (eventId: string) => void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Delivers events asynchronously, signed afresh on every attempt, and retries a non-2xx answer
 * with the same event id and the same body bytes on the configured schedule.
 */
export class WebhookDispatcher {
  private deliveries: QueuedDelivery[] = [];

  constructor(private readonly options: WebhookDispatcherOptions) {}

  enqueue(event: StripeEvent, endpoints: SandboxWebhookEndpoint[]): void {
    const body = JSON.stringify(event, null, 2);
    for (const endpoint of endpoints) {
      const delivery: QueuedDelivery = {
        id: newId("wd"),
        object: "webhook_delivery",
        event_id: event.id,
        event_type: event.type,
        endpoint_id: endpoint.id,
        url: endpoint.url,
        status: "pending",
        attempts: [],
        body,
        secret: endpoint.secret,
        timer: null,
        inFlight: null,
      };
      this.deliveries.push(delivery);
      this.schedule(delivery, 0);
    }
  }

  list(): WebhookDelivery[] {
    return this.deliveries.map(({ id, object, event_id, event_type, endpoint_id, url, status, attempts }) => ({
      id,
      object,
      event_id,
      event_type,
      endpoint_id,
      url,
      status,
      attempts: [...attempts],
    }));
  }

  pendingCount(): number {
    return this.deliveries.filter((delivery) => delivery.status === "pending").length;
  }

  /**
   * Waits until no delivery is pending, following the retry schedule, for at most `timeoutMs`.
   * With `hurry`, retries waiting for their turn are attempted at once instead (a receiver that
   * keeps failing then exhausts its retries quickly). Resolves to whether the queue emptied.
   */
  async flush(timeoutMs: number, hurry = false): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const pending = this.deliveries.filter((delivery) => delivery.status === "pending");
      if (pending.length === 0) return true;
      const remaining = deadline - Date.now();
      if (remaining <= 0) return false;
      for (const delivery of pending) {
        if (hurry && delivery.timer) {
          clearTimeout(delivery.timer);
          delivery.timer = null;
          this.attempt(delivery);
        }
      }
      // Always sleep a little when nothing is on the wire, or the retry timers could never fire.
      const inFlight = pending.map((delivery) => delivery.inFlight).filter((promise) => promise !== null);
      const pause = sleep(Math.min(remaining, 25));
      await (inFlight.length > 0 ? Promise.race([Promise.all(inFlight), pause]) : pause);
    }
  }

  /** Forgets every delivery; attempts still on the wire finish unobserved. */
  reset(): void {
    for (const delivery of this.deliveries) {
      if (delivery.timer) clearTimeout(delivery.timer);
      delivery.timer = null;
    }
    this.deliveries = [];
  }

  private schedule(delivery: QueuedDelivery, delayMs: number): void {
    delivery.timer = setTimeout(() => {
      delivery.timer = null;
      this.attempt(delivery);
    }, delayMs);
  }

  private attempt(delivery: QueuedDelivery): void {
    delivery.inFlight = this.send(delivery).finally(() => {
      delivery.inFlight = null;
    });
  }

  private async send(delivery: QueuedDelivery): Promise<void> {
    const attempt: WebhookAttempt = { at: nowSeconds(), status_code: null, error: null };
    try {
      const response = await fetch(delivery.url, {
        method: "POST",
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          "Stripe-Signature": signWebhookPayload(delivery.body, delivery.secret),
          "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
          "Cache-Control": "no-cache",
          Accept: "*/*; q=0.5, application/xml",
        },
        body: delivery.body,
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      attempt.status_code = response.status;
      await response.arrayBuffer().catch(() => undefined);
    } catch (error) {
      attempt.error = error instanceof Error ? error.message : String(error);
    }
    if (!this.deliveries.includes(delivery)) return; // reset while on the wire
    delivery.attempts.push(attempt);
    this.settle(delivery, attempt);
  }

  private settle(delivery: QueuedDelivery, attempt: WebhookAttempt): void {
    const ok = attempt.status_code !== null && attempt.status_code >= 200 && attempt.status_code < 300;
    if (ok) {
      delivery.status = "delivered";
      this.options.onDelivered(delivery.event_id);
      return;
    }
    const retryIndex = delivery.attempts.length - 1;
    const outcome = attempt.error ?? `HTTP ${attempt.status_code}`;
    if (retryIndex < this.options.retrySchedule.length) {
      const delay = this.options.retrySchedule[retryIndex];
      this.options.log(`webhook ${delivery.event_type} ${delivery.event_id} → ${delivery.url}: ${outcome}; retrying in ${delay} ms`);
      this.schedule(delivery, delay);
    } else {
      delivery.status = "failed";
      this.options.log(`webhook ${delivery.event_type} ${delivery.event_id} → ${delivery.url}: ${outcome}; giving up`);
    }
  }
}

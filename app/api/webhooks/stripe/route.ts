import { handleStripeWebhook } from "@/lib/billing/handle-stripe-webhook";

export const dynamic = "force-dynamic";

// POST /api/webhooks/stripe — signed payment events from Stripe or the sandbox
export const POST = handleStripeWebhook;

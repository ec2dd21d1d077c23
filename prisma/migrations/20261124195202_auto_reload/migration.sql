-- CreateEnum
CREATE TYPE "AutoReloadAmountMode" AS ENUM ('fixed', 'refill_to');

-- CreateTable
CREATE TABLE "auto_reload_settings" (
    "workspace_id" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "payer_user_id" TEXT,
    "on_threshold" BOOLEAN NOT NULL DEFAULT false,
    "on_exhaustion" BOOLEAN NOT NULL DEFAULT true,
    "threshold_credits" INTEGER,
    "amount_mode" "AutoReloadAmountMode" NOT NULL DEFAULT 'fixed',
    "amount_credits" INTEGER NOT NULL,
    "max_credits_per_cycle" INTEGER,
    "accepted_price_micros" INTEGER,
    "accepted_surcharge" INTEGER,
    "accepted_currency" TEXT,
    "accepted_terms" TEXT,
    "reloading_purchase_id" TEXT,
    "reloading_since" TIMESTAMPTZ(3),
    "blocked_purchase_id" TEXT,
    "failed_payment_method_id" TEXT,
    "failures_cleared_at" TIMESTAMPTZ(3),
    "updated_by_user_id" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "auto_reload_settings_pkey" PRIMARY KEY ("workspace_id")
);

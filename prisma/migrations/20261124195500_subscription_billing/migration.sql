-- CreateEnum
CREATE TYPE "SubscriptionChargeReason" AS ENUM ('start', 'renewal');

-- CreateTable
CREATE TABLE "subscription_billings" (
    "subscription_id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "payer_user_id" TEXT NOT NULL,
    "paid_through_at" TIMESTAMPTZ(3) NOT NULL,
    "scheduled_plan_id" TEXT,
    "last_failure_message" TEXT,
    "last_attempt_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "subscription_billings_pkey" PRIMARY KEY ("subscription_id")
);

-- CreateTable
CREATE TABLE "subscription_charges" (
    "purchase_id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "reason" "SubscriptionChargeReason" NOT NULL,
    "plan_id" TEXT NOT NULL,
    "user_id" TEXT,
    "subscription_id" TEXT,
    "period_start" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "subscription_charges_pkey" PRIMARY KEY ("purchase_id")
);

-- CreateIndex
CREATE INDEX "subscription_billings_paid_through_at_idx" ON "subscription_billings"("paid_through_at");

-- CreateIndex
CREATE INDEX "subscription_billings_workspace_id_idx" ON "subscription_billings"("workspace_id");

-- CreateIndex
CREATE INDEX "subscription_charges_workspace_id_idx" ON "subscription_charges"("workspace_id");

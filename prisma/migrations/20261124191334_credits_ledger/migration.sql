-- CreateEnum
CREATE TYPE "PlanInterval" AS ENUM ('month', 'year');

-- CreateEnum
CREATE TYPE "SubscriptionStatus" AS ENUM ('active', 'past_due', 'canceled', 'ended');

-- CreateEnum
CREATE TYPE "CreditSource" AS ENUM ('plan', 'pool', 'starter', 'top_up', 'auto_reload', 'extra', 'promotional', 'refund', 'adjustment');

-- CreateEnum
CREATE TYPE "CreditUsageKind" AS ENUM ('usage', 'hold');

-- CreateEnum
CREATE TYPE "CreditUsageStatus" AS ENUM ('held', 'captured', 'released', 'expired');

-- CreateEnum
CREATE TYPE "LedgerEntryType" AS ENUM ('grant', 'debit', 'hold', 'release', 'refund', 'expire');

-- AlterTable
ALTER TABLE "workspaces" ADD COLUMN     "policy" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "plans" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "paid" BOOLEAN NOT NULL,
    "interval" "PlanInterval" NOT NULL,
    "allotment_interval" "PlanInterval" NOT NULL,
    "credits_per_cycle" INTEGER NOT NULL,
    "price_minor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'usd',
    "credit_price_micros" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "subscriptions" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "user_id" TEXT,
    "plan_id" TEXT NOT NULL,
    "status" "SubscriptionStatus" NOT NULL DEFAULT 'active',
    "anchor_at" TIMESTAMPTZ(3) NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ends_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "credit_features" (
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "credits_fast" INTEGER NOT NULL,
    "credits_balanced" INTEGER NOT NULL,
    "credits_premium" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "credit_features_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "credit_accounts" (
    "id" TEXT NOT NULL DEFAULT ('acc_'::text || replace((gen_random_uuid())::text, '-'::text, ''::text)),
    "workspace_id" TEXT NOT NULL,
    "user_id" TEXT,
    "starter_granted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credit_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pool_shares" (
    "workspace_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "cap_per_cycle" INTEGER,
    "used" INTEGER NOT NULL DEFAULT 0,
    "period_start" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "pool_shares_pkey" PRIMARY KEY ("workspace_id","user_id")
);

-- CreateTable
CREATE TABLE "credit_grants" (
    "id" TEXT NOT NULL DEFAULT ('grt_'::text || replace((gen_random_uuid())::text, '-'::text, ''::text)),
    "workspace_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "source" "CreditSource" NOT NULL,
    "amount" INTEGER NOT NULL,
    "remaining" INTEGER NOT NULL,
    "effective_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3),
    "priority" INTEGER NOT NULL DEFAULT 0,
    "subscription_id" TEXT,
    "cycle_start" TIMESTAMPTZ(3),
    "purchase_id" TEXT,
    "usage_id" TEXT,
    "memo" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credit_grants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "credit_usages" (
    "id" TEXT NOT NULL DEFAULT ('use_'::text || replace((gen_random_uuid())::text, '-'::text, ''::text)),
    "workspace_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "kind" "CreditUsageKind" NOT NULL,
    "status" "CreditUsageStatus" NOT NULL,
    "feature_key" TEXT NOT NULL,
    "group_key" TEXT,
    "metadata" JSONB,
    "credits_held" INTEGER NOT NULL DEFAULT 0,
    "credits" INTEGER NOT NULL DEFAULT 0,
    "credits_refunded" INTEGER NOT NULL DEFAULT 0,
    "expires_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settled_at" TIMESTAMPTZ(3),

    CONSTRAINT "credit_usages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "credit_ledger_entries" (
    "id" BIGSERIAL NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "user_id" TEXT,
    "grant_id" TEXT NOT NULL,
    "usage_id" TEXT,
    "type" "LedgerEntryType" NOT NULL,
    "source" "CreditSource" NOT NULL,
    "credits" INTEGER NOT NULL,
    "balance_after" BIGINT NOT NULL,
    "actor" TEXT,
    "memo" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credit_ledger_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_records" (
    "workspace_id" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "status_code" INTEGER NOT NULL DEFAULT 0,
    "response" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_records_pkey" PRIMARY KEY ("workspace_id","scope","key")
);

-- CreateTable
CREATE TABLE "credit_workspace_states" (
    "workspace_id" TEXT NOT NULL,
    "spending_paused_reason" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credit_workspace_states_pkey" PRIMARY KEY ("workspace_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "plans_key_key" ON "plans"("key");

-- CreateIndex
CREATE INDEX "subscriptions_workspace_id_status_idx" ON "subscriptions"("workspace_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "credit_accounts_workspace_id_user_id_key" ON "credit_accounts"("workspace_id", "user_id");

-- CreateIndex
CREATE INDEX "credit_grants_workspace_id_idx" ON "credit_grants"("workspace_id");

-- CreateIndex
CREATE INDEX "credit_grants_purchase_id_idx" ON "credit_grants"("purchase_id");

-- CreateIndex
CREATE UNIQUE INDEX "credit_grants_subscription_id_account_id_cycle_start_key" ON "credit_grants"("subscription_id", "account_id", "cycle_start");

-- CreateIndex
CREATE INDEX "credit_usages_workspace_id_user_id_created_at_idx" ON "credit_usages"("workspace_id", "user_id", "created_at");

-- CreateIndex
CREATE INDEX "credit_ledger_entries_workspace_id_id_idx" ON "credit_ledger_entries"("workspace_id", "id");

-- CreateIndex
CREATE INDEX "credit_ledger_entries_workspace_id_user_id_id_idx" ON "credit_ledger_entries"("workspace_id", "user_id", "id");

-- CreateIndex
CREATE INDEX "credit_ledger_entries_usage_id_idx" ON "credit_ledger_entries"("usage_id");

-- AddForeignKey
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_accounts" ADD CONSTRAINT "credit_accounts_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_accounts" ADD CONSTRAINT "credit_accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pool_shares" ADD CONSTRAINT "pool_shares_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pool_shares" ADD CONSTRAINT "pool_shares_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_grants" ADD CONSTRAINT "credit_grants_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "credit_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_grants" ADD CONSTRAINT "credit_grants_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "subscriptions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_workspace_states" ADD CONSTRAINT "credit_workspace_states_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

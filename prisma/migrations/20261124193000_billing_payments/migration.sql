-- CreateEnum
CREATE TYPE "PurchaseKind" AS ENUM ('top_up', 'extra', 'auto_reload', 'subscription');

-- CreateEnum
CREATE TYPE "PurchaseStatus" AS ENUM ('pending', 'requires_action', 'succeeded', 'failed', 'canceled');

-- CreateTable
CREATE TABLE "billing_customers" (
    "user_id" TEXT NOT NULL,
    "gateway_customer_id" TEXT NOT NULL,
    "default_payment_method_id" TEXT,
    "card_brand" TEXT,
    "card_last4" TEXT,
    "card_exp_month" INTEGER,
    "card_exp_year" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "billing_customers_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "purchases" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "buyer_user_id" TEXT NOT NULL,
    "kind" "PurchaseKind" NOT NULL,
    "status" "PurchaseStatus" NOT NULL DEFAULT 'pending',
    "description" TEXT NOT NULL,
    "credits" INTEGER NOT NULL,
    "amount_minor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "gateway_payment_intent_id" TEXT,
    "payment_method_id" TEXT,
    "failure_code" TEXT,
    "failure_message" TEXT,
    "fulfilled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "purchases_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "purchases_credits_positive" CHECK ("credits" > 0),
    CONSTRAINT "purchases_amount_non_negative" CHECK ("amount_minor" >= 0)
);

-- CreateTable
CREATE TABLE "purchase_lines" (
    "id" TEXT NOT NULL,
    "purchase_id" TEXT NOT NULL,
    "beneficiary_user_id" TEXT,
    "credits" INTEGER NOT NULL,
    "amount_minor" INTEGER NOT NULL,
    "grant_id" TEXT,

    CONSTRAINT "purchase_lines_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "purchase_lines_credits_positive" CHECK ("credits" > 0)
);

-- CreateTable
CREATE TABLE "invoices" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "purchase_id" TEXT NOT NULL,
    "total_minor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invoices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "gateway_events" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "gateway_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "billing_customers_gateway_customer_id_key" ON "billing_customers"("gateway_customer_id");

-- CreateIndex
CREATE UNIQUE INDEX "purchases_gateway_payment_intent_id_key" ON "purchases"("gateway_payment_intent_id");

-- CreateIndex
CREATE INDEX "purchases_workspace_id_created_at_idx" ON "purchases"("workspace_id", "created_at");

-- CreateIndex
CREATE INDEX "purchases_status_created_at_idx" ON "purchases"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "purchases_workspace_id_idempotency_key_key" ON "purchases"("workspace_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "purchase_lines_purchase_id_idx" ON "purchase_lines"("purchase_id");

-- CreateIndex
CREATE UNIQUE INDEX "invoices_purchase_id_key" ON "invoices"("purchase_id");

-- CreateIndex
CREATE INDEX "invoices_workspace_id_issued_at_idx" ON "invoices"("workspace_id", "issued_at");

-- CreateIndex
CREATE UNIQUE INDEX "invoices_workspace_id_number_key" ON "invoices"("workspace_id", "number");

-- AddForeignKey
ALTER TABLE "purchase_lines" ADD CONSTRAINT "purchase_lines_purchase_id_fkey" FOREIGN KEY ("purchase_id") REFERENCES "purchases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_purchase_id_fkey" FOREIGN KEY ("purchase_id") REFERENCES "purchases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

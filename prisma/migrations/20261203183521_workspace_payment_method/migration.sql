-- Who pays (issue 10): a workspace pays with its billing owner's default card; a purchase records
-- whose card it charges and in which capacity, so the charge can check that permission still holds.

-- CreateEnum
CREATE TYPE "PayerScope" AS ENUM ('workspace', 'personal');

-- AlterTable
ALTER TABLE "workspaces" ADD COLUMN "billing_owner_user_id" TEXT;

-- Existing workspaces keep paying with the card they already pay with: the owner who pays the
-- workspace's running plan, else the first owner with a saved card, else the first owner.
UPDATE "workspaces" w SET "billing_owner_user_id" = (
  SELECT m."user_id" FROM "memberships" m
  WHERE m."workspace_id" = w."id" AND m."role" = 'owner'
  ORDER BY
    EXISTS (
      SELECT 1 FROM "subscription_billings" sb JOIN "subscriptions" s ON s."id" = sb."subscription_id"
      WHERE sb."payer_user_id" = m."user_id" AND s."workspace_id" = w."id" AND s."user_id" IS NULL AND s."status" <> 'ended'
    ) DESC,
    EXISTS (SELECT 1 FROM "billing_customers" bc WHERE bc."user_id" = m."user_id" AND bc."default_payment_method_id" IS NOT NULL) DESC,
    m."created_at", m."id"
  LIMIT 1
);

-- AlterTable: every existing purchase was charged to its buyer's own card.
ALTER TABLE "purchases" ADD COLUMN "payer_user_id" TEXT;
UPDATE "purchases" SET "payer_user_id" = "buyer_user_id";
ALTER TABLE "purchases" ALTER COLUMN "payer_user_id" SET NOT NULL;
ALTER TABLE "purchases" ADD COLUMN "payer_scope" "PayerScope" NOT NULL DEFAULT 'personal';

-- AlterTable: the stable key of the auto-reload terms owners last accepted or were told about.
ALTER TABLE "auto_reload_settings" ADD COLUMN "terms_key" TEXT;

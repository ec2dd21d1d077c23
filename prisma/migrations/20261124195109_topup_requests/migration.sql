-- CreateEnum
CREATE TYPE "TopUpRequestStatus" AS ENUM ('pending', 'approving', 'approved', 'declined', 'canceled');

-- CreateTable
CREATE TABLE "topup_requests" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "requester_id" TEXT NOT NULL,
    "offer_id" TEXT NOT NULL,
    "credits" INTEGER NOT NULL,
    "amount_minor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "note" TEXT,
    "status" "TopUpRequestStatus" NOT NULL DEFAULT 'pending',
    "attempt" INTEGER NOT NULL DEFAULT 0,
    "decider_id" TEXT,
    "decline_reason" TEXT,
    "purchase_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMPTZ(3),

    CONSTRAINT "topup_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workspace_invitations" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "invited_by_id" TEXT NOT NULL,
    "magic_link_token_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workspace_invitations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "topup_requests_workspace_id_status_created_at_idx" ON "topup_requests"("workspace_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "topup_requests_workspace_id_requester_id_created_at_idx" ON "topup_requests"("workspace_id", "requester_id", "created_at");

-- CreateIndex
CREATE INDEX "workspace_invitations_workspace_id_created_at_idx" ON "workspace_invitations"("workspace_id", "created_at");

-- One open request per member at a time (hand-written: Prisma cannot express a partial index).
CREATE UNIQUE INDEX "topup_requests_one_open_per_member" ON "topup_requests"("workspace_id", "requester_id") WHERE "status" IN ('pending', 'approving');

-- AlterTable
ALTER TABLE "email_outbox" ADD COLUMN "claimed_until" TIMESTAMP(3);

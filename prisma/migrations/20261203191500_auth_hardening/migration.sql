-- Sessions carry the user's session version; raising it ends every session of that user at once
-- (sign-out, password change, removal from the last workspace, "Sign out everywhere").
ALTER TABLE "users" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0;

-- The workspace the user last opened: where sign-in lands (never one picked by name).
ALTER TABLE "users" ADD COLUMN "last_workspace_id" TEXT;
ALTER TABLE "users" ADD CONSTRAINT "users_last_workspace_id_fkey" FOREIGN KEY ("last_workspace_id") REFERENCES "workspaces"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Invitations: `link_sent` = a new person, member at once, signs in with the emailed link (every
-- existing row); `pending` = a person who already uses Refill, no membership until they accept.
CREATE TYPE "InvitationStatus" AS ENUM ('link_sent', 'pending', 'accepted', 'declined', 'canceled');
ALTER TABLE "workspace_invitations" ADD COLUMN "status" "InvitationStatus" NOT NULL DEFAULT 'link_sent';
ALTER TABLE "workspace_invitations" ADD COLUMN "responded_at" TIMESTAMPTZ(3);
ALTER TABLE "workspace_invitations" ADD COLUMN "invited_by_api_key_id" TEXT;
ALTER TABLE "workspace_invitations" ALTER COLUMN "invited_by_id" DROP NOT NULL;
ALTER TABLE "workspace_invitations" ALTER COLUMN "magic_link_token_id" DROP NOT NULL;
ALTER TABLE "workspace_invitations" ADD CONSTRAINT "workspace_invitations_inviter_check" CHECK ("invited_by_id" IS NOT NULL OR "invited_by_api_key_id" IS NOT NULL);
ALTER TABLE "workspace_invitations" ADD CONSTRAINT "workspace_invitations_link_check" CHECK ("status" <> 'link_sent' OR "magic_link_token_id" IS NOT NULL);
-- Rows whose workspace or person is gone say nothing any more; then both references are enforced.
DELETE FROM "workspace_invitations" i
WHERE NOT EXISTS (SELECT 1 FROM "workspaces" w WHERE w."id" = i."workspace_id")
   OR NOT EXISTS (SELECT 1 FROM "users" u WHERE u."id" = i."user_id");
ALTER TABLE "workspace_invitations" ADD CONSTRAINT "workspace_invitations_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "workspace_invitations" ADD CONSTRAINT "workspace_invitations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- At most one open invitation per person and workspace: repeated invites return the same one.
CREATE UNIQUE INDEX "workspace_invitations_one_pending" ON "workspace_invitations"("workspace_id", "user_id") WHERE "status" = 'pending';
CREATE INDEX "workspace_invitations_user_id_status_idx" ON "workspace_invitations"("user_id", "status");

-- Sign-in rate limits shared by every app instance: one token bucket per key, taken by one
-- atomic INSERT … ON CONFLICT DO UPDATE (lib/rate-limit/take-shared-tokens.ts).
CREATE TABLE "rate_limit_buckets" (
    "key" TEXT NOT NULL,
    "capacity" DOUBLE PRECISION NOT NULL,
    "refill_per_second" DOUBLE PRECISION NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "allowed" BOOLEAN NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "rate_limit_buckets_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "rate_limit_buckets_updated_at_idx" ON "rate_limit_buckets"("updated_at");

-- The last error a background job (reconciliation, stale-reload settlement) met on a purchase:
-- recorded on the item so the run goes on; null while nothing is wrong. Existing rows: none.
ALTER TABLE "purchases" ADD COLUMN "job_error_message" TEXT;
ALTER TABLE "purchases" ADD COLUMN "job_error_at" TIMESTAMPTZ(3);

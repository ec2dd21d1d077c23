-- Several spends for one member in one transaction (one round trip, one commit): the engine
-- combines requests that queue behind an in-flight spend for the same member, so a hot account
-- pays one lock hand-over and one commit per batch instead of per request. Items run in order
-- and each keeps its own result, rule order and idempotency (credits_spend returns errors
-- rather than raising, so one item's 402 does not undo another's capture).
CREATE FUNCTION credits_spend_many(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE v_item jsonb; v_results jsonb := '[]'::jsonb;
BEGIN
  FOR v_item IN SELECT value FROM jsonb_array_elements(p -> 'items') WITH ORDINALITY AS i(value, n) ORDER BY n LOOP
    v_results := v_results || jsonb_build_array(credits_spend(v_item));
  END LOOP;
  RETURN v_results;
END $$;

-- A partial index whose predicate mentions `remaining` makes every debit's grant update a
-- non-HOT update that writes into all of the table's indexes. Index the same lookups without
-- that predicate so updates of `remaining` stay heap-only.
DROP INDEX "credit_grants_spendable";
DROP INDEX "credit_grants_expiring";
CREATE INDEX "credit_grants_account" ON "credit_grants" ("account_id");
CREATE INDEX "credit_grants_expiring" ON "credit_grants" ("expires_at") WHERE "expires_at" IS NOT NULL;
ALTER TABLE "credit_grants" SET (fillfactor = 80);

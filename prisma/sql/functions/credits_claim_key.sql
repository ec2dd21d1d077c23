CREATE OR REPLACE FUNCTION public.credits_claim_key(p_ws text, p_scope text, p_key text, p_hash text, p_now timestamp with time zone, OUT outcome text, OUT status_code integer, OUT response jsonb)
 RETURNS record
 LANGUAGE plpgsql
AS $function$
DECLARE v_hash text;
BEGIN
  IF p_key IS NULL THEN outcome := 'none'; RETURN; END IF;
  INSERT INTO idempotency_records (workspace_id, scope, key, request_hash, created_at)
  VALUES (p_ws, p_scope, p_key, p_hash, p_now) ON CONFLICT DO NOTHING;
  IF FOUND THEN outcome := 'claimed'; RETURN; END IF;
  SELECT r.request_hash, r.status_code, r.response INTO v_hash, status_code, response
    FROM idempotency_records r WHERE r.workspace_id = p_ws AND r.scope = p_scope AND r.key = p_key;
  outcome := CASE WHEN v_hash = p_hash THEN 'replay' ELSE 'conflict' END;
END $function$;

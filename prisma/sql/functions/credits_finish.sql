CREATE OR REPLACE FUNCTION public.credits_finish(p_ws text, p_scope text, p_key text, p_claim text, p_status integer, p_result jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF p_claim = 'claimed' THEN
    IF p_result ? 'error' THEN
      DELETE FROM idempotency_records WHERE workspace_id = p_ws AND scope = p_scope AND key = p_key;
    ELSE
      UPDATE idempotency_records SET status_code = p_status, response = p_result
       WHERE workspace_id = p_ws AND scope = p_scope AND key = p_key;
    END IF;
  END IF;
  IF p_result ? 'error' THEN RETURN p_result; END IF;
  RETURN jsonb_build_object('status', p_status, 'body', p_result);
END $function$;

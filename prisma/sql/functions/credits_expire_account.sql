CREATE OR REPLACE FUNCTION public.credits_expire_account(p_account text, p_now timestamp with time zone)
 RETURNS integer
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_account credit_accounts; c credits_ctx; v_grant credit_grants; v_count int := 0; v_balance bigint;
BEGIN
  SELECT * INTO v_account FROM credit_accounts WHERE id = p_account;
  IF NOT FOUND THEN RETURN 0; END IF;
  IF v_account.user_id IS NOT NULL THEN
    c := credits_context(v_account.workspace_id, v_account.user_id, p_now);
    v_balance := credits_total(c, p_now);
  ELSE
    PERFORM 1 FROM credit_accounts WHERE id = p_account FOR UPDATE;
    v_balance := credits_pool_total(p_account, p_now);
  END IF;
  FOR v_grant IN SELECT * FROM credit_grants WHERE account_id = p_account AND remaining > 0 AND expires_at <= p_now
    ORDER BY expires_at, id FOR UPDATE
  LOOP
    UPDATE credit_grants SET remaining = 0 WHERE id = v_grant.id;
    PERFORM credits_write_entry(v_account.workspace_id, p_account, v_account.user_id, v_grant.id, NULL, 'expire',
      v_grant.source, -v_grant.remaining, v_balance, 'system', 'Expired', p_now);
    v_count := v_count + 1;
  END LOOP;
  RETURN v_count;
END $function$;

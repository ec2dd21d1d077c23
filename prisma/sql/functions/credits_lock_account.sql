CREATE OR REPLACE FUNCTION public.credits_lock_account(p_ws text, p_user text)
 RETURNS credit_accounts
 LANGUAGE plpgsql
AS $function$
DECLARE v_account credit_accounts;
BEGIN
  FOR attempt IN 1..2 LOOP
    IF p_user IS NULL THEN
      SELECT * INTO v_account FROM credit_accounts WHERE workspace_id = p_ws AND user_id IS NULL FOR UPDATE;
    ELSE
      SELECT * INTO v_account FROM credit_accounts WHERE workspace_id = p_ws AND user_id = p_user FOR UPDATE;
    END IF;
    IF FOUND THEN RETURN v_account; END IF;
    INSERT INTO credit_accounts (workspace_id, user_id) VALUES (p_ws, p_user) ON CONFLICT DO NOTHING;
  END LOOP;
  RAISE EXCEPTION 'could not create credit account for % / %', p_ws, p_user;
END $function$;

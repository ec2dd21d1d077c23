CREATE OR REPLACE FUNCTION public.credits_expire_account_holds(p_account text, p_now timestamp with time zone)
 RETURNS void
 LANGUAGE plpgsql
AS $function$
DECLARE v_account credit_accounts;
BEGIN
  SELECT * INTO v_account FROM credit_accounts WHERE id = p_account AND user_id IS NOT NULL;
  IF FOUND THEN PERFORM credits_context(v_account.workspace_id, v_account.user_id, p_now); END IF;
END $function$;

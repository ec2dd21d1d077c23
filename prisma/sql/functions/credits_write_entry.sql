CREATE OR REPLACE FUNCTION public.credits_write_entry(p_ws text, p_account text, p_user text, p_grant text, p_usage text, p_type "LedgerEntryType", p_source "CreditSource", p_credits integer, p_balance bigint, p_actor text, p_memo text, p_now timestamp with time zone)
 RETURNS void
 LANGUAGE sql
AS $function$
  INSERT INTO credit_ledger_entries (workspace_id, account_id, user_id, grant_id, usage_id, type, source,
    credits, balance_after, actor, memo, created_at)
  VALUES (p_ws, p_account, p_user, p_grant, p_usage, p_type, p_source, p_credits, p_balance, p_actor, p_memo, p_now)
$function$;

CREATE OR REPLACE FUNCTION public.credits_ledger_policy(p_policy jsonb)
 RETURNS jsonb
 LANGUAGE sql
 IMMUTABLE
AS $function$
  SELECT credits_ledger_policy_default() || COALESCE(p_policy -> 'ledger', '{}'::jsonb)
$function$;

CREATE OR REPLACE FUNCTION public.credits_ledger_policy(p_policy jsonb)
 RETURNS jsonb
 LANGUAGE sql
 IMMUTABLE
AS $function$
  SELECT credits_ledger_policy_default()
    || CASE WHEN p_policy ->> 'preset' IN ('client-packs', 'per-editor-top-ups', 'cycle-extras', 'prepaid-tiers')
            THEN '{"planUnit":"workspace"}'::jsonb ELSE '{}'::jsonb END
    || COALESCE(p_policy -> 'ledger', '{}'::jsonb)
$function$;

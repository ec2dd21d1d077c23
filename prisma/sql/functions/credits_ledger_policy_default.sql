CREATE OR REPLACE FUNCTION public.credits_ledger_policy_default()
 RETURNS jsonb
 LANGUAGE sql
 IMMUTABLE
AS $function$
  SELECT '{"planCreditsTo":"member","consumptionOrder":["plan","starter","pool","extra","auto_reload","top_up","promotional","adjustment","refund"],"resetFirst":true,"starterCredits":50,"poolShareDefault":null,"pauseTopUpsWithoutPaidPlan":false,"planUnit":"member"}'::jsonb
$function$;

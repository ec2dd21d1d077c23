CREATE OR REPLACE FUNCTION public.credits_pool_total(p_pool text, p_now timestamp with time zone)
 RETURNS bigint
 LANGUAGE sql
 STABLE
AS $function$
  SELECT COALESCE(sum(remaining), 0) FROM credit_grants
   WHERE account_id = p_pool AND remaining > 0 AND effective_at <= p_now AND (expires_at IS NULL OR expires_at > p_now)
$function$;

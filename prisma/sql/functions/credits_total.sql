CREATE OR REPLACE FUNCTION public.credits_total(c credits_ctx, p_now timestamp with time zone)
 RETURNS bigint
 LANGUAGE sql
 STABLE
AS $function$
  SELECT own + pool_part FROM credits_available(c, p_now)
$function$;

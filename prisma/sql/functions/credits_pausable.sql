CREATE OR REPLACE FUNCTION public.credits_pausable(p_source "CreditSource")
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$
  SELECT p_source IN ('top_up', 'auto_reload', 'extra')
$function$;

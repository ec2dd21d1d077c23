CREATE OR REPLACE FUNCTION public.credits_error(p_code text, p_message text, p_details jsonb DEFAULT '{}'::jsonb)
 RETURNS jsonb
 LANGUAGE sql
 IMMUTABLE
AS $function$
  SELECT jsonb_build_object('error', jsonb_build_object('code', p_code, 'message', p_message) || p_details)
$function$;

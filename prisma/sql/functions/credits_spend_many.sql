CREATE OR REPLACE FUNCTION public.credits_spend_many(p jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
AS $function$
DECLARE v_item jsonb; v_results jsonb := '[]'::jsonb;
BEGIN
  FOR v_item IN SELECT value FROM jsonb_array_elements(p -> 'items') WITH ORDINALITY AS i(value, n) ORDER BY n LOOP
    v_results := v_results || jsonb_build_array(credits_spend(v_item));
  END LOOP;
  RETURN v_results;
END $function$;

CREATE OR REPLACE FUNCTION public.credits_check_feature()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF NEW.credits_fast < 0 OR NEW.credits_balanced < 0 OR NEW.credits_premium < 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = 'credit_features: negative amount';
  END IF;
  RETURN NEW;
END $function$;

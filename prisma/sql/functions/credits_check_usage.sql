CREATE OR REPLACE FUNCTION public.credits_check_usage()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF NEW.credits_held < 0 OR NEW.credits < 0 OR NEW.credits_refunded < 0 OR NEW.credits_refunded > NEW.credits THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = format('credit usage %s: amounts out of bounds', NEW.id);
  END IF;
  RETURN NEW;
END $function$;

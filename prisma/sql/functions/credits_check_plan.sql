CREATE OR REPLACE FUNCTION public.credits_check_plan()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF NEW.credits_per_cycle < 0 OR NEW.price_minor < 0 OR NEW.credit_price_micros < 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = 'plans: negative amount';
  END IF;
  RETURN NEW;
END $function$;

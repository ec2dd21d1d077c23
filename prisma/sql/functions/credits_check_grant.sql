CREATE OR REPLACE FUNCTION public.credits_check_grant()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF NEW.amount <= 0 OR NEW.remaining < 0 OR NEW.remaining > NEW.amount THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation',
      MESSAGE = format('credit grant %s: remaining %s outside 0..%s', NEW.id, NEW.remaining, NEW.amount);
  END IF;
  RETURN NEW;
END $function$;

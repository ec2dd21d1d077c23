CREATE OR REPLACE FUNCTION public.credits_check_entry()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF NEW.credits = 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = 'a ledger entry moves a non-zero number of credits';
  END IF;
  RETURN NEW;
END $function$;

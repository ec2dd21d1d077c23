CREATE OR REPLACE FUNCTION public.credits_check_pool_share()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF NEW.used < 0 OR NEW.cap_per_cycle < 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = 'pool_shares: negative amount';
  END IF;
  RETURN NEW;
END $function$;

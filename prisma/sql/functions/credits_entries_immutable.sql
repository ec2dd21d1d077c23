CREATE OR REPLACE FUNCTION public.credits_entries_immutable()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  RAISE EXCEPTION 'credit_ledger_entries is append-only';
END $function$;

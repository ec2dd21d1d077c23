CREATE OR REPLACE FUNCTION public.credits_cycle_bounds(p_anchor timestamp with time zone, p_interval text, p_at timestamp with time zone, OUT cycle_start timestamp with time zone, OUT cycle_end timestamp with time zone)
 RETURNS record
 LANGUAGE plpgsql
 IMMUTABLE
AS $function$
DECLARE
  v_anchor timestamp := p_anchor AT TIME ZONE 'UTC';
  v_at timestamp := p_at AT TIME ZONE 'UTC';
  v_step interval := CASE WHEN p_interval = 'year' THEN interval '1 year' ELSE interval '1 month' END;
  v_n int;
BEGIN
  IF p_interval = 'year' THEN
    v_n := extract(year FROM v_at)::int - extract(year FROM v_anchor)::int;
  ELSE
    v_n := (extract(year FROM v_at)::int - extract(year FROM v_anchor)::int) * 12
         + extract(month FROM v_at)::int - extract(month FROM v_anchor)::int;
  END IF;
  IF v_anchor + v_step * v_n > v_at THEN v_n := v_n - 1; END IF;
  IF v_n < 0 THEN v_n := 0; END IF;
  cycle_start := (v_anchor + v_step * v_n) AT TIME ZONE 'UTC';
  cycle_end := (v_anchor + v_step * (v_n + 1)) AT TIME ZONE 'UTC';
END $function$;

CREATE OR REPLACE FUNCTION public.credits_share_left(p_ws text, p_user text, p_policy jsonb, p_now timestamp with time zone)
 RETURNS bigint
 LANGUAGE plpgsql
 STABLE
AS $function$
DECLARE
  v_month timestamptz := date_trunc('month', p_now AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  v_cap int; v_used int;
BEGIN
  SELECT cap_per_cycle, CASE WHEN period_start >= v_month THEN used ELSE 0 END INTO v_cap, v_used
    FROM pool_shares WHERE workspace_id = p_ws AND user_id = p_user;
  IF NOT FOUND THEN
    IF jsonb_typeof(p_policy -> 'poolShareDefault') = 'number' THEN RETURN (p_policy ->> 'poolShareDefault')::bigint; END IF;
    RETURN 1000000000000000;
  END IF;
  IF v_cap IS NULL THEN RETURN 1000000000000000; END IF;
  RETURN greatest(v_cap - v_used, 0);
END $function$;

CREATE OR REPLACE FUNCTION public.credits_note_pool_use(p_ws text, p_user text, p_policy jsonb, p_delta integer, p_now timestamp with time zone, p_drawn_at timestamp with time zone)
 RETURNS void
 LANGUAGE plpgsql
AS $function$
DECLARE v_month timestamptz := date_trunc('month', p_now AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
BEGIN
  IF p_delta < 0 AND p_drawn_at < v_month THEN RETURN; END IF;
  UPDATE pool_shares
     SET used = greatest(0, CASE WHEN period_start >= v_month THEN used ELSE 0 END + p_delta), period_start = v_month
   WHERE workspace_id = p_ws AND user_id = p_user;
  IF NOT FOUND AND p_delta > 0 AND jsonb_typeof(p_policy -> 'poolShareDefault') = 'number' THEN
    INSERT INTO pool_shares (workspace_id, user_id, cap_per_cycle, used, period_start)
    VALUES (p_ws, p_user, (p_policy ->> 'poolShareDefault')::int, p_delta, v_month);
  END IF;
END $function$;

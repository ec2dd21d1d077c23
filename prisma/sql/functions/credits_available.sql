CREATE OR REPLACE FUNCTION public.credits_available(c credits_ctx, p_now timestamp with time zone, OUT own bigint, OUT pool_part bigint, OUT paused bigint)
 RETURNS record
 LANGUAGE plpgsql
 STABLE
AS $function$
DECLARE v_pool bigint;
BEGIN
  SELECT COALESCE(sum(remaining) FILTER (WHERE NOT (c.paused_topups AND credits_pausable(source))), 0),
         COALESCE(sum(remaining) FILTER (WHERE c.paused_topups AND credits_pausable(source)), 0)
    INTO own, paused
    FROM credit_grants
   WHERE account_id = c.account_id AND remaining > 0 AND effective_at <= p_now
     AND (expires_at IS NULL OR expires_at > p_now);
  pool_part := 0;
  IF c.pool_id IS NOT NULL THEN
    SELECT COALESCE(sum(remaining), 0) INTO v_pool FROM credit_grants
     WHERE account_id = c.pool_id AND remaining > 0 AND effective_at <= p_now
       AND (expires_at IS NULL OR expires_at > p_now) AND NOT (c.paused_topups AND credits_pausable(source));
    pool_part := least(v_pool, c.share_left);
  END IF;
END $function$;

CREATE OR REPLACE FUNCTION public.credits_ensure_allotments(INOUT c credits_ctx, p_now timestamp with time zone)
 RETURNS credits_ctx
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_sub record; v_bounds record; v_target text; v_grant text; v_pool credit_accounts;
  v_wants "PlanCreditsTarget"; v_lands "PlanCreditsTarget";
BEGIN
  FOR v_sub IN
    SELECT s.id, s.user_id, s.anchor_at, p.allotment_interval::text AS step, p.credits_per_cycle
      FROM subscriptions s JOIN plans p ON p.id = s.plan_id
     WHERE s.workspace_id = c.workspace_id AND s.status <> 'ended' AND (s.user_id IS NULL OR s.user_id = c.user_id)
       AND s.started_at <= p_now AND (s.ends_at IS NULL OR s.ends_at > p_now) AND p.credits_per_cycle > 0
     ORDER BY s.created_at, s.id
  LOOP
    v_bounds := credits_cycle_bounds(v_sub.anchor_at, v_sub.step, p_now);
    IF v_sub.user_id IS NULL AND c.policy ->> 'planCreditsTo' = 'pool' THEN
      v_wants := 'pool';
      v_pool := credits_lock_account(c.workspace_id, NULL);
      v_target := v_pool.id;
      IF c.pool_id IS NULL AND c.share_left > 0 THEN c.pool_id := v_pool.id; END IF;
    ELSE
      v_wants := 'member';
      v_target := c.account_id;
    END IF;
    PERFORM 1 FROM credit_grants WHERE subscription_id = v_sub.id AND account_id = v_target AND cycle_start = v_bounds.cycle_start;
    CONTINUE WHEN FOUND;
    SELECT lands_in INTO v_lands FROM plan_cycle_allotments WHERE subscription_id = v_sub.id AND cycle_start = v_bounds.cycle_start;
    IF NOT FOUND THEN
      -- Waits for a concurrent first touch of the same cycle to commit, then reads what it chose.
      INSERT INTO plan_cycle_allotments (subscription_id, cycle_start, workspace_id, lands_in, created_at)
      VALUES (v_sub.id, v_bounds.cycle_start, c.workspace_id, v_wants, p_now) ON CONFLICT DO NOTHING;
      SELECT lands_in INTO v_lands FROM plan_cycle_allotments WHERE subscription_id = v_sub.id AND cycle_start = v_bounds.cycle_start;
    END IF;
    -- The policy changed mid-cycle: this cycle's credits were already granted elsewhere.
    CONTINUE WHEN v_lands <> v_wants;
    INSERT INTO credit_grants (workspace_id, account_id, source, amount, remaining, effective_at, expires_at,
      subscription_id, cycle_start, memo, created_at)
    VALUES (c.workspace_id, v_target, 'plan', v_sub.credits_per_cycle, v_sub.credits_per_cycle, v_bounds.cycle_start,
      v_bounds.cycle_end, v_sub.id, v_bounds.cycle_start, 'Plan allotment', p_now)
    ON CONFLICT DO NOTHING RETURNING id INTO v_grant;
    CONTINUE WHEN v_grant IS NULL;
    IF v_target = c.account_id THEN
      PERFORM credits_write_entry(c.workspace_id, v_target, c.user_id, v_grant, NULL, 'grant', 'plan',
        v_sub.credits_per_cycle, credits_total(c, p_now), 'system', 'Plan allotment', p_now);
    ELSE
      PERFORM credits_write_entry(c.workspace_id, v_target, NULL, v_grant, NULL, 'grant', 'plan',
        v_sub.credits_per_cycle, credits_pool_total(v_target, p_now), 'system', 'Plan allotment', p_now);
    END IF;
  END LOOP;
END $function$;

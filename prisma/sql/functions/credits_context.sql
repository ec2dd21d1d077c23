CREATE OR REPLACE FUNCTION public.credits_context(p_ws text, p_user text, p_now timestamp with time zone)
 RETURNS credits_ctx
 LANGUAGE plpgsql
AS $function$
DECLARE
  c credits_ctx; v_account credit_accounts; v_pool text; v_needs_allotment boolean; v_hold credit_usages;
  v_workspace_paid boolean;
BEGIN
  SELECT credits_ledger_policy(w.policy), st.spending_paused_reason INTO c.policy, c.spending_paused
    FROM workspaces w LEFT JOIN credit_workspace_states st ON st.workspace_id = w.id WHERE w.id = p_ws;
  c.workspace_id := p_ws;
  c.user_id := p_user;
  v_account := credits_lock_account(p_ws, p_user);
  c.account_id := v_account.id;
  c.starter_granted := v_account.starter_granted_at IS NOT NULL;
  c.consumption_order := ARRAY(SELECT jsonb_array_elements_text(c.policy -> 'consumptionOrder'));
  c.reset_first := (c.policy ->> 'resetFirst')::boolean;
  SELECT COALESCE(bool_or(p.paid), false), COALESCE(bool_or(p.credits_per_cycle > 0), false),
         COALESCE(bool_or(p.paid) FILTER (WHERE s.user_id IS NULL), false)
    INTO c.has_plan, v_needs_allotment, v_workspace_paid
    FROM subscriptions s JOIN plans p ON p.id = s.plan_id
   WHERE s.workspace_id = p_ws AND s.status <> 'ended' AND (s.user_id IS NULL OR s.user_id = p_user)
     AND s.started_at <= p_now AND (s.ends_at IS NULL OR s.ends_at > p_now);
  c.paused_topups := (c.policy ->> 'pauseTopUpsWithoutPaidPlan')::boolean
    AND NOT CASE WHEN c.policy ->> 'planUnit' = 'workspace' THEN v_workspace_paid ELSE c.has_plan END;
  c.share_left := credits_share_left(p_ws, p_user, c.policy, p_now);
  IF c.share_left > 0 THEN
    SELECT id INTO v_pool FROM credit_accounts WHERE workspace_id = p_ws AND user_id IS NULL FOR UPDATE;
    c.pool_id := v_pool;
  END IF;
  IF v_needs_allotment THEN c := credits_ensure_allotments(c, p_now); END IF;
  FOR v_hold IN SELECT * FROM credit_usages WHERE account_id = c.account_id AND status = 'held' AND expires_at <= p_now
  LOOP
    PERFORM credits_return_draws(c, v_hold, 0, v_hold.credits_held, 'release', p_now, 'system', 'Hold expired');
    UPDATE credit_usages SET status = 'expired', settled_at = p_now WHERE id = v_hold.id;
  END LOOP;
  RETURN c;
END $function$;

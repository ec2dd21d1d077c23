CREATE OR REPLACE FUNCTION public.credits_return_draws(c credits_ctx, p_usage credit_usages, p_skip integer, p_amount integer, p_type "LedgerEntryType", p_now timestamp with time zone, p_actor text, p_memo text)
 RETURNS void
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_draw record; v_grant credit_grants; v_net int; v_give int; v_skip int := p_skip; v_left int := p_amount;
  v_to_refund_grant int := 0; v_new_grant text;
BEGIN
  FOR v_draw IN
    SELECT grant_id, -sum(credits)::int AS net FROM credit_ledger_entries
     WHERE usage_id = p_usage.id AND type IN ('debit', 'hold', 'release')
     GROUP BY grant_id ORDER BY min(id) DESC
  LOOP
    v_net := v_draw.net;
    IF v_skip > 0 THEN
      v_give := least(v_skip, v_net);
      v_skip := v_skip - v_give;
      v_net := v_net - v_give;
    END IF;
    CONTINUE WHEN v_net <= 0;
    v_give := least(v_net, v_left);
    SELECT * INTO v_grant FROM credit_grants WHERE id = v_draw.grant_id;
    IF p_type = 'refund' AND v_grant.expires_at IS NOT NULL AND v_grant.expires_at <= p_now THEN
      v_to_refund_grant := v_to_refund_grant + v_give;
    ELSE
      IF v_grant.account_id <> c.account_id THEN
        PERFORM 1 FROM credit_accounts WHERE id = v_grant.account_id FOR UPDATE;
        PERFORM credits_note_pool_use(c.workspace_id, c.user_id, c.policy, -v_give, p_now, p_usage.created_at);
      END IF;
      UPDATE credit_grants SET remaining = remaining + v_give WHERE id = v_grant.id;
      PERFORM credits_write_entry(c.workspace_id, v_grant.account_id, c.user_id, v_grant.id, p_usage.id, p_type,
        v_grant.source, v_give, credits_total(c, p_now), p_actor, p_memo, p_now);
    END IF;
    v_left := v_left - v_give;
    EXIT WHEN v_left = 0;
  END LOOP;
  IF v_left > 0 THEN RAISE EXCEPTION 'usage % has fewer drawn credits than %', p_usage.id, p_amount; END IF;
  IF v_to_refund_grant > 0 THEN
    INSERT INTO credit_grants (workspace_id, account_id, source, amount, remaining, effective_at, usage_id, memo, created_at)
    VALUES (c.workspace_id, c.account_id, 'refund', v_to_refund_grant, v_to_refund_grant, p_now, p_usage.id, p_memo, p_now)
    RETURNING id INTO v_new_grant;
    PERFORM credits_write_entry(c.workspace_id, c.account_id, c.user_id, v_new_grant, p_usage.id, 'refund', 'refund',
      v_to_refund_grant, credits_total(c, p_now), p_actor, p_memo, p_now);
  END IF;
END $function$;

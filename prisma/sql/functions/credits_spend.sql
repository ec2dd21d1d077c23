CREATE OR REPLACE FUNCTION public.credits_spend(p jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_ws text := p ->> 'workspaceId';
  v_now timestamptz := date_trunc('milliseconds', COALESCE((p ->> 'now')::timestamptz, now()));
  v_is_hold boolean := p ->> 'mode' = 'hold';
  v_scope text := CASE WHEN p ->> 'mode' = 'hold' THEN 'reservations' ELSE 'usage' END;
  v_key text := p ->> 'idempotencyKey';
  v_credits int := (p ->> 'credits')::int;
  v_actor text := p ->> 'actor';
  v_member record; v_claim record; c credits_ctx; v_avail record; v_total bigint; v_grant record;
  v_usage_id text; v_left int; v_take int; v_pool_left bigint; v_after bigint; v_expires timestamptz;
  v_sources text[] := '{}'; v_amounts int[] := '{}'; v_pos int; v_result jsonb; v_starter int; v_starter_grant text; v_source text;
BEGIN
  v_member := credits_member_ref(v_ws, p ->> 'member');
  IF v_member.user_id IS NULL THEN
    RETURN credits_error('not_found', 'No such member in this workspace.', '{"field":"member"}');
  END IF;
  PERFORM 1 FROM credit_features WHERE key = p ->> 'feature' AND active;
  IF NOT FOUND THEN
    RETURN credits_error('invalid_request', 'Invalid `feature`: not in the price list.', '{"field":"feature"}');
  END IF;
  v_claim := credits_claim_key(v_ws, v_scope, v_key, p ->> 'requestHash', v_now);
  IF v_claim.outcome = 'replay' THEN
    RETURN jsonb_build_object('status', v_claim.status_code, 'body', v_claim.response, 'replayed', true);
  END IF;
  IF NOT (v_member.role = ANY (ARRAY(SELECT jsonb_array_elements_text(p -> 'spendRoles')))) THEN
    RETURN credits_finish(v_ws, v_scope, v_key, v_claim.outcome, 0,
      credits_error('forbidden', 'This member''s role does not allow spending credits.'));
  END IF;

  c := credits_context(v_ws, v_member.user_id, v_now);
  v_starter := (c.policy ->> 'starterCredits')::int;
  IF v_starter > 0 AND NOT c.has_plan AND NOT c.starter_granted THEN
    INSERT INTO credit_grants (workspace_id, account_id, source, amount, remaining, effective_at, memo, created_at)
    VALUES (v_ws, c.account_id, 'starter', v_starter, v_starter, v_now, 'Starter credits', v_now)
    RETURNING id INTO v_starter_grant;
    UPDATE credit_accounts SET starter_granted_at = v_now WHERE id = c.account_id;
    PERFORM credits_write_entry(v_ws, c.account_id, c.user_id, v_starter_grant, NULL, 'grant', 'starter', v_starter,
      credits_total(c, v_now), 'system', 'Starter credits', v_now);
  END IF;

  v_avail := credits_available(c, v_now);
  v_total := v_avail.own + v_avail.pool_part;
  IF c.spending_paused IS NOT NULL THEN
    RETURN credits_finish(v_ws, v_scope, v_key, v_claim.outcome, 0, credits_error('credits_paused',
      'Metered work is paused until the workspace''s payment method is updated.',
      jsonb_build_object('reason', c.spending_paused, 'available', v_total, 'required', v_credits)));
  END IF;
  IF v_total < v_credits THEN
    IF v_avail.paused > 0 THEN
      RETURN credits_finish(v_ws, v_scope, v_key, v_claim.outcome, 0, credits_error('credits_paused',
        'Top-up credits are paused while the workspace has no paid plan.',
        jsonb_build_object('reason', 'no_paid_plan', 'available', v_total, 'required', v_credits, 'pausedCredits', v_avail.paused)));
    END IF;
    RETURN credits_finish(v_ws, v_scope, v_key, v_claim.outcome, 0, credits_error('insufficient_credits',
      'Not enough credits.', jsonb_build_object('available', v_total, 'required', v_credits)));
  END IF;
  IF v_claim.outcome = 'conflict' THEN
    RETURN credits_error('idempotency_conflict', 'This idempotency key was used with a different request.');
  END IF;

  v_expires := CASE WHEN v_is_hold THEN v_now + make_interval(secs => COALESCE((p ->> 'expiresInSeconds')::int, 900)) END;
  INSERT INTO credit_usages (workspace_id, account_id, user_id, kind, status, feature_key, group_key, metadata,
    credits_held, credits, expires_at, created_at, settled_at)
  VALUES (v_ws, c.account_id, c.user_id, CASE WHEN v_is_hold THEN 'hold' ELSE 'usage' END::"CreditUsageKind",
    CASE WHEN v_is_hold THEN 'held' ELSE 'captured' END::"CreditUsageStatus", p ->> 'feature', p ->> 'group',
    p -> 'metadata', CASE WHEN v_is_hold THEN v_credits ELSE 0 END, CASE WHEN v_is_hold THEN 0 ELSE v_credits END,
    v_expires, v_now, CASE WHEN v_is_hold THEN NULL ELSE v_now END)
  RETURNING id INTO v_usage_id;

  v_left := v_credits;
  v_pool_left := v_avail.pool_part;
  v_after := v_total;
  FOR v_grant IN
    SELECT g.id, g.account_id, g.source, g.remaining FROM credit_grants g
     WHERE g.account_id IN (c.account_id, c.pool_id) AND g.remaining > 0 AND g.effective_at <= v_now
       AND (g.expires_at IS NULL OR g.expires_at > v_now) AND NOT (c.paused_topups AND credits_pausable(g.source))
     ORDER BY (c.reset_first AND g.expires_at IS NULL),
              array_position(c.consumption_order, CASE WHEN g.account_id = c.account_id THEN g.source::text ELSE 'pool' END),
              g.priority, g.expires_at NULLS LAST, g.effective_at, g.id
  LOOP
    v_take := least(v_grant.remaining, v_left);
    IF v_grant.account_id <> c.account_id THEN v_take := least(v_take, v_pool_left); END IF;
    CONTINUE WHEN v_take <= 0;
    UPDATE credit_grants SET remaining = remaining - v_take WHERE id = v_grant.id;
    v_after := v_after - v_take;
    v_left := v_left - v_take;
    v_source := CASE WHEN v_grant.account_id = c.account_id THEN v_grant.source::text ELSE 'pool' END;
    IF v_grant.account_id <> c.account_id THEN
      v_pool_left := v_pool_left - v_take;
      PERFORM credits_note_pool_use(v_ws, c.user_id, c.policy, v_take, v_now, v_now);
    END IF;
    PERFORM credits_write_entry(v_ws, v_grant.account_id, c.user_id, v_grant.id, v_usage_id,
      CASE WHEN v_is_hold THEN 'hold' ELSE 'debit' END::"LedgerEntryType", v_grant.source, -v_take, v_after,
      v_actor, NULL, v_now);
    v_pos := array_position(v_sources, v_source);
    IF v_pos IS NULL THEN
      v_sources := v_sources || v_source;
      v_amounts := v_amounts || v_take;
    ELSE
      v_amounts[v_pos] := v_amounts[v_pos] + v_take;
    END IF;
    EXIT WHEN v_left = 0;
  END LOOP;
  IF v_left > 0 THEN RAISE EXCEPTION 'credits_spend: available % did not cover %', v_total, v_credits; END IF;

  IF v_is_hold THEN
    v_result := jsonb_build_object('id', v_usage_id, 'status', 'held', 'credits', v_credits, 'expiresAt', credits_iso(v_expires));
  ELSE
    v_result := jsonb_build_object('id', v_usage_id, 'status', 'captured', 'credits', v_credits,
      'drawn', (SELECT jsonb_agg(jsonb_build_object('source', s, 'credits', a) ORDER BY i)
                  FROM unnest(v_sources, v_amounts) WITH ORDINALITY AS d(s, a, i)),
      'available', v_after);
  END IF;
  RETURN credits_finish(v_ws, v_scope, v_key, v_claim.outcome, 201, v_result);
END $function$;

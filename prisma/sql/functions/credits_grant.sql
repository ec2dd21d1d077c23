CREATE OR REPLACE FUNCTION public.credits_grant(p jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_ws text := p ->> 'workspaceId';
  v_now timestamptz := date_trunc('milliseconds', COALESCE((p ->> 'now')::timestamptz, now()));
  v_key text := p ->> 'idempotencyKey';
  v_credits int := (p ->> 'credits')::int;
  v_source "CreditSource" := (p ->> 'source')::"CreditSource";
  v_expires timestamptz := (p ->> 'expiresAt')::timestamptz;
  v_member record; v_claim record; c credits_ctx; v_pool credit_accounts; v_account text; v_grant text;
  v_balance bigint; v_result jsonb; v_user text;
BEGIN
  IF p ->> 'member' IS NOT NULL THEN
    v_member := credits_member_ref(v_ws, p ->> 'member');
    IF v_member.user_id IS NULL THEN
      RETURN credits_error('not_found', 'No such member in this workspace.', '{"field":"member"}');
    END IF;
    v_user := v_member.user_id;
  END IF;
  v_claim := credits_claim_key(v_ws, 'grants', v_key, p ->> 'requestHash', v_now);
  IF v_claim.outcome = 'replay' THEN
    RETURN jsonb_build_object('status', v_claim.status_code, 'body', v_claim.response, 'replayed', true);
  END IF;
  IF v_claim.outcome = 'conflict' THEN
    RETURN credits_error('idempotency_conflict', 'This idempotency key was used with a different request.');
  END IF;
  IF v_user IS NOT NULL THEN
    c := credits_context(v_ws, v_user, v_now);
    v_account := c.account_id;
  ELSE
    v_pool := credits_lock_account(v_ws, NULL);
    v_account := v_pool.id;
  END IF;
  INSERT INTO credit_grants (workspace_id, account_id, source, amount, remaining, effective_at, expires_at, priority,
    purchase_id, memo, created_by_id, created_at)
  VALUES (v_ws, v_account, v_source, v_credits, v_credits, COALESCE((p ->> 'effectiveAt')::timestamptz, v_now), v_expires,
    COALESCE((p ->> 'priority')::int, 0), p ->> 'purchaseId', p ->> 'memo', p ->> 'actor', v_now)
  RETURNING id INTO v_grant;
  v_balance := CASE WHEN v_user IS NOT NULL THEN credits_total(c, v_now) ELSE credits_pool_total(v_account, v_now) END;
  PERFORM credits_write_entry(v_ws, v_account, v_user, v_grant, NULL, 'grant', v_source, v_credits, v_balance,
    p ->> 'actor', p ->> 'memo', v_now);
  v_result := jsonb_build_object('id', v_grant, 'member', p ->> 'member', 'source', v_source, 'credits', v_credits,
    'expiresAt', credits_iso(v_expires), 'available', v_balance);
  RETURN credits_finish(v_ws, 'grants', v_key, v_claim.outcome, 201, v_result);
END $function$;

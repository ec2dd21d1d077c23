CREATE OR REPLACE FUNCTION public.credits_settle_hold(p jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_ws text := p ->> 'workspaceId';
  v_now timestamptz := date_trunc('milliseconds', COALESCE((p ->> 'now')::timestamptz, now()));
  v_capture boolean := p ->> 'mode' = 'capture';
  v_scope text := CASE WHEN p ->> 'mode' = 'capture' THEN 'reservations.capture' ELSE 'reservations.release' END;
  v_key text := p ->> 'idempotencyKey';
  v_credits int := COALESCE((p ->> 'credits')::int, 0);
  v_usage credit_usages; v_claim record; c credits_ctx; v_result jsonb;
BEGIN
  SELECT * INTO v_usage FROM credit_usages WHERE id = p ->> 'usageId' AND workspace_id = v_ws AND kind = 'hold';
  IF NOT FOUND THEN RETURN credits_error('not_found', 'No such reservation in this workspace.'); END IF;
  v_claim := credits_claim_key(v_ws, v_scope, v_key, p ->> 'requestHash', v_now);
  IF v_claim.outcome = 'replay' THEN
    RETURN jsonb_build_object('status', v_claim.status_code, 'body', v_claim.response, 'replayed', true);
  END IF;
  c := credits_context(v_ws, v_usage.user_id, v_now);
  SELECT * INTO v_usage FROM credit_usages WHERE id = v_usage.id;
  IF v_usage.status <> 'held' THEN
    RETURN credits_finish(v_ws, v_scope, v_key, v_claim.outcome, 0, credits_error('hold_not_active',
      format('This reservation is already %s.', v_usage.status), jsonb_build_object('status', v_usage.status)));
  END IF;
  IF v_capture AND v_credits > v_usage.credits_held THEN
    RETURN credits_finish(v_ws, v_scope, v_key, v_claim.outcome, 0, credits_error('exceeds_hold',
      'Cannot capture more credits than were held.', jsonb_build_object('held', v_usage.credits_held, 'requested', v_credits)));
  END IF;
  IF v_claim.outcome = 'conflict' THEN
    RETURN credits_error('idempotency_conflict', 'This idempotency key was used with a different request.');
  END IF;
  IF NOT v_capture THEN v_credits := 0; END IF;
  IF v_usage.credits_held > v_credits THEN
    PERFORM credits_return_draws(c, v_usage, 0, v_usage.credits_held - v_credits, 'release', v_now, p ->> 'actor',
      CASE WHEN v_capture THEN 'Unused part of the hold' ELSE 'Hold released' END);
  END IF;
  UPDATE credit_usages SET status = CASE WHEN v_capture THEN 'captured' ELSE 'released' END::"CreditUsageStatus",
         credits = v_credits, settled_at = v_now
   WHERE id = v_usage.id;
  v_result := CASE WHEN v_capture
    THEN jsonb_build_object('id', v_usage.id, 'status', 'captured', 'credits', v_credits, 'available', credits_total(c, v_now))
    ELSE jsonb_build_object('id', v_usage.id, 'status', 'released', 'available', credits_total(c, v_now)) END;
  RETURN credits_finish(v_ws, v_scope, v_key, v_claim.outcome, 200, v_result);
END $function$;

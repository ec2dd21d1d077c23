CREATE OR REPLACE FUNCTION public.credits_refund(p jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_ws text := p ->> 'workspaceId';
  v_now timestamptz := date_trunc('milliseconds', COALESCE((p ->> 'now')::timestamptz, now()));
  v_key text := p ->> 'idempotencyKey';
  v_usage credit_usages; v_claim record; c credits_ctx; v_refundable int; v_credits int; v_result jsonb;
BEGIN
  SELECT * INTO v_usage FROM credit_usages WHERE id = p ->> 'usageId' AND workspace_id = v_ws;
  IF NOT FOUND THEN RETURN credits_error('not_found', 'No such usage in this workspace.'); END IF;
  v_claim := credits_claim_key(v_ws, 'usage.refund', v_key, p ->> 'requestHash', v_now);
  IF v_claim.outcome = 'replay' THEN
    RETURN jsonb_build_object('status', v_claim.status_code, 'body', v_claim.response, 'replayed', true);
  END IF;
  c := credits_context(v_ws, v_usage.user_id, v_now);
  SELECT * INTO v_usage FROM credit_usages WHERE id = v_usage.id;
  v_refundable := CASE WHEN v_usage.status = 'captured' THEN v_usage.credits - v_usage.credits_refunded ELSE 0 END;
  v_credits := COALESCE((p ->> 'credits')::int, v_refundable);
  IF v_refundable = 0 AND v_usage.credits_refunded > 0 THEN
    RETURN credits_finish(v_ws, 'usage.refund', v_key, v_claim.outcome, 0,
      credits_error('already_refunded', 'This usage has already been refunded in full.'));
  END IF;
  IF v_credits > v_refundable OR v_credits = 0 THEN
    RETURN credits_finish(v_ws, 'usage.refund', v_key, v_claim.outcome, 0, credits_error('refund_exceeds_usage',
      'The refund is larger than what is left to refund on this usage.', jsonb_build_object('refundable', v_refundable)));
  END IF;
  IF v_claim.outcome = 'conflict' THEN
    RETURN credits_error('idempotency_conflict', 'This idempotency key was used with a different request.');
  END IF;
  PERFORM credits_return_draws(c, v_usage, v_usage.credits_refunded, v_credits, 'refund', v_now, p ->> 'actor', p ->> 'reason');
  UPDATE credit_usages SET credits_refunded = credits_refunded + v_credits WHERE id = v_usage.id;
  v_result := jsonb_build_object('id', v_usage.id,
    'status', CASE WHEN v_usage.credits_refunded + v_credits = v_usage.credits THEN 'refunded' ELSE 'partially_refunded' END,
    'credits', v_credits, 'refundedCredits', v_usage.credits_refunded + v_credits, 'available', credits_total(c, v_now));
  RETURN credits_finish(v_ws, 'usage.refund', v_key, v_claim.outcome, 200, v_result);
END $function$;

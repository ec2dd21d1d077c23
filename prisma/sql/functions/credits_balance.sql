CREATE OR REPLACE FUNCTION public.credits_balance(p jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_ws text := p ->> 'workspaceId';
  v_now timestamptz := date_trunc('milliseconds', COALESCE((p ->> 'now')::timestamptz, now()));
  v_member record; c credits_ctx; v_avail record; v_viewer boolean; v_buckets jsonb; v_pool credit_accounts;
BEGIN
  IF p ->> 'member' IS NULL THEN
    v_pool := credits_lock_account(v_ws, NULL);
    SELECT COALESCE(jsonb_agg(jsonb_build_object('source', source, 'remaining', total, 'expiresAt', credits_iso(expires_at),
             'paused', false) ORDER BY expires_at NULLS LAST, source), '[]'::jsonb) INTO v_buckets
      FROM (SELECT source, expires_at, sum(remaining) AS total FROM credit_grants
             WHERE account_id = v_pool.id AND remaining > 0 AND effective_at <= v_now
               AND (expires_at IS NULL OR expires_at > v_now) GROUP BY source, expires_at) b;
    RETURN jsonb_build_object('status', 200, 'body', jsonb_build_object('member', NULL,
      'available', credits_pool_total(v_pool.id, v_now), 'buckets', v_buckets));
  END IF;
  v_member := credits_member_ref(v_ws, p ->> 'member');
  IF v_member.user_id IS NULL THEN
    RETURN credits_error('not_found', 'No such member in this workspace.', '{"field":"member"}');
  END IF;
  v_viewer := NOT (v_member.role = ANY (ARRAY(SELECT jsonb_array_elements_text(p -> 'spendRoles'))));
  c := credits_context(v_ws, v_member.user_id, v_now);
  v_avail := credits_available(c, v_now);
  SELECT COALESCE(jsonb_agg(jsonb_build_object('source', source, 'remaining', total, 'expiresAt', credits_iso(expires_at),
           'paused', paused) ORDER BY rank, expires_at NULLS LAST), '[]'::jsonb) INTO v_buckets
    FROM (SELECT g.source, g.expires_at, sum(g.remaining) AS total,
                 v_viewer OR (c.paused_topups AND credits_pausable(g.source)) AS paused,
                 min(array_position(c.consumption_order, g.source::text)) AS rank
            FROM credit_grants g
           WHERE g.account_id = c.account_id AND g.remaining > 0 AND g.effective_at <= v_now
             AND (g.expires_at IS NULL OR g.expires_at > v_now)
           GROUP BY g.source, g.expires_at
          UNION ALL
          SELECT 'pool'::"CreditSource", NULL, v_avail.pool_part, v_viewer, array_position(c.consumption_order, 'pool')
           WHERE v_avail.pool_part > 0) b;
  RETURN jsonb_build_object('status', 200, 'body', jsonb_build_object('member', p ->> 'member',
    'available', CASE WHEN v_viewer THEN 0 ELSE v_avail.own + v_avail.pool_part END,
    'buckets', v_buckets, 'spendingPausedReason', c.spending_paused));
END $function$;

-- Credit ledger invariants and its one-round-trip PL/pgSQL functions (hand-written).
-- Lock order everywhere: the member's account, then the workspace pool account.

-- ─── Invariants ────────────────────────────────────────────────────────────────
-- Row checks are BEFORE triggers, not CHECK constraints: the offline Prisma schema engine
-- crashes ("unreachable") introspecting any CHECK constraint, because the pg adapter reports
-- pg_constraint.contype ("char") as text. Once prisma.config.ts maps "char" to the Character
-- column type, these can become CHECK constraints.
CREATE FUNCTION credits_check_grant() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.amount <= 0 OR NEW.remaining < 0 OR NEW.remaining > NEW.amount THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation',
      MESSAGE = format('credit grant %s: remaining %s outside 0..%s', NEW.id, NEW.remaining, NEW.amount);
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER credit_grants_remaining_bounds BEFORE INSERT OR UPDATE ON "credit_grants"
  FOR EACH ROW EXECUTE FUNCTION credits_check_grant();

CREATE FUNCTION credits_check_usage() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.credits_held < 0 OR NEW.credits < 0 OR NEW.credits_refunded < 0 OR NEW.credits_refunded > NEW.credits THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = format('credit usage %s: amounts out of bounds', NEW.id);
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER credit_usages_amounts BEFORE INSERT OR UPDATE ON "credit_usages"
  FOR EACH ROW EXECUTE FUNCTION credits_check_usage();

CREATE FUNCTION credits_check_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.credits = 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = 'a ledger entry moves a non-zero number of credits';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER credit_ledger_entries_nonzero BEFORE INSERT ON "credit_ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION credits_check_entry();

CREATE FUNCTION credits_check_plan() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.credits_per_cycle < 0 OR NEW.price_minor < 0 OR NEW.credit_price_micros < 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = 'plans: negative amount';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER plans_amounts BEFORE INSERT OR UPDATE ON "plans" FOR EACH ROW EXECUTE FUNCTION credits_check_plan();

CREATE FUNCTION credits_check_pool_share() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.used < 0 OR NEW.cap_per_cycle < 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = 'pool_shares: negative amount';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER pool_shares_amounts BEFORE INSERT OR UPDATE ON "pool_shares" FOR EACH ROW EXECUTE FUNCTION credits_check_pool_share();

CREATE FUNCTION credits_check_feature() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.credits_fast < 0 OR NEW.credits_balanced < 0 OR NEW.credits_premium < 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = 'credit_features: negative amount';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER credit_features_credits BEFORE INSERT OR UPDATE ON "credit_features" FOR EACH ROW EXECUTE FUNCTION credits_check_feature();

-- One pool account per workspace (user_id NULL is distinct in the plain unique index).
CREATE UNIQUE INDEX "credit_accounts_one_pool" ON "credit_accounts" ("workspace_id") WHERE "user_id" IS NULL;
-- Spendable grants of an account, and grants due to expire.
CREATE INDEX "credit_grants_spendable" ON "credit_grants" ("account_id") WHERE "remaining" > 0;
CREATE INDEX "credit_grants_expiring" ON "credit_grants" ("expires_at") WHERE "remaining" > 0 AND "expires_at" IS NOT NULL;
-- Open holds of an account by expiry.
CREATE INDEX "credit_usages_open_holds" ON "credit_usages" ("account_id", "expires_at") WHERE "status" = 'held';
-- At most one live subscription per workspace (user_id NULL) or per member.
CREATE UNIQUE INDEX "subscriptions_one_live" ON "subscriptions" ("workspace_id", COALESCE("user_id", ''))
  WHERE "status" <> 'ended';

-- Ledger entries are append-only.
CREATE FUNCTION credits_entries_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'credit_ledger_entries is append-only';
END $$;
CREATE TRIGGER credit_ledger_entries_append_only BEFORE UPDATE OR DELETE ON "credit_ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION credits_entries_immutable();

-- ─── Helpers ───────────────────────────────────────────────────────────────────
-- The engine-relevant part of the default workspace policy; lib/credits/policy.ts holds the same
-- values and a test asserts that they agree.
CREATE FUNCTION credits_ledger_policy_default() RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT '{"planCreditsTo":"member","consumptionOrder":["plan","starter","pool","extra","auto_reload","top_up","promotional","adjustment","refund"],"resetFirst":true,"starterCredits":50,"poolShareDefault":null,"pauseTopUpsWithoutPaidPlan":false}'::jsonb
$$;

CREATE FUNCTION credits_ledger_policy(p_policy jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT credits_ledger_policy_default() || COALESCE(p_policy -> 'ledger', '{}'::jsonb)
$$;

CREATE FUNCTION credits_iso(p_at timestamptz) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

CREATE FUNCTION credits_error(p_code text, p_message text, p_details jsonb DEFAULT '{}'::jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object('error', jsonb_build_object('code', p_code, 'message', p_message) || p_details)
$$;

-- A cycle starts at anchor + n months (or years) in UTC; like date-fns addMonths, a day past
-- the month's end clamps to its last day (Jan 31 → Feb 29 → Mar 31).
CREATE FUNCTION credits_cycle_bounds(p_anchor timestamptz, p_interval text, p_at timestamptz,
  OUT cycle_start timestamptz, OUT cycle_end timestamptz) LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  v_anchor timestamp := p_anchor AT TIME ZONE 'UTC';
  v_at timestamp := p_at AT TIME ZONE 'UTC';
  v_step interval := CASE WHEN p_interval = 'year' THEN interval '1 year' ELSE interval '1 month' END;
  v_n int;
BEGIN
  IF p_interval = 'year' THEN
    v_n := extract(year FROM v_at)::int - extract(year FROM v_anchor)::int;
  ELSE
    v_n := (extract(year FROM v_at)::int - extract(year FROM v_anchor)::int) * 12
         + extract(month FROM v_at)::int - extract(month FROM v_anchor)::int;
  END IF;
  IF v_anchor + v_step * v_n > v_at THEN v_n := v_n - 1; END IF;
  IF v_n < 0 THEN v_n := 0; END IF;
  cycle_start := (v_anchor + v_step * v_n) AT TIME ZONE 'UTC';
  cycle_end := (v_anchor + v_step * (v_n + 1)) AT TIME ZONE 'UTC';
END $$;

-- Resolves `member` (an email or a user id) to a member of this workspace only.
CREATE FUNCTION credits_member_ref(p_ws text, p_ref text, OUT user_id text, OUT role text, OUT email text)
LANGUAGE plpgsql STABLE AS $$
BEGIN
  IF p_ref IS NULL THEN RETURN; END IF;
  IF strpos(p_ref, '@') > 0 THEN
    SELECT u.id, m.role::text, u.email INTO user_id, role, email
      FROM users u JOIN memberships m ON m.user_id = u.id AND m.workspace_id = p_ws
     WHERE u.email = lower(p_ref);
  ELSE
    SELECT u.id, m.role::text, u.email INTO user_id, role, email
      FROM memberships m JOIN users u ON u.id = m.user_id
     WHERE m.workspace_id = p_ws AND m.user_id = p_ref;
  END IF;
END $$;

-- Locks (creating on first touch) the member's account, or the pool when p_user is NULL.
CREATE FUNCTION credits_lock_account(p_ws text, p_user text) RETURNS credit_accounts LANGUAGE plpgsql AS $$
DECLARE v_account credit_accounts;
BEGIN
  FOR attempt IN 1..2 LOOP
    IF p_user IS NULL THEN
      SELECT * INTO v_account FROM credit_accounts WHERE workspace_id = p_ws AND user_id IS NULL FOR UPDATE;
    ELSE
      SELECT * INTO v_account FROM credit_accounts WHERE workspace_id = p_ws AND user_id = p_user FOR UPDATE;
    END IF;
    IF FOUND THEN RETURN v_account; END IF;
    INSERT INTO credit_accounts (workspace_id, user_id) VALUES (p_ws, p_user) ON CONFLICT DO NOTHING;
  END LOOP;
  RAISE EXCEPTION 'could not create credit account for % / %', p_ws, p_user;
END $$;

CREATE FUNCTION credits_pausable(p_source "CreditSource") RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT p_source IN ('top_up', 'auto_reload', 'extra')
$$;

CREATE FUNCTION credits_write_entry(p_ws text, p_account text, p_user text, p_grant text, p_usage text,
  p_type "LedgerEntryType", p_source "CreditSource", p_credits int, p_balance bigint, p_actor text,
  p_memo text, p_now timestamptz) RETURNS void LANGUAGE sql AS $$
  INSERT INTO credit_ledger_entries (workspace_id, account_id, user_id, grant_id, usage_id, type, source,
    credits, balance_after, actor, memo, created_at)
  VALUES (p_ws, p_account, p_user, p_grant, p_usage, p_type, p_source, p_credits, p_balance, p_actor, p_memo, p_now)
$$;

-- ─── Context: locks, plan allotments, pool share ─────────────────────────────────
CREATE TYPE credits_ctx AS (
  workspace_id text, user_id text, account_id text, pool_id text, share_left bigint,
  paused_topups boolean, has_plan boolean, policy jsonb, spending_paused text,
  starter_granted boolean, consumption_order text[], reset_first boolean);

-- What a member may still draw from the pool this calendar month (UTC); 1e15 means no cap.
CREATE FUNCTION credits_share_left(p_ws text, p_user text, p_policy jsonb, p_now timestamptz) RETURNS bigint
LANGUAGE plpgsql STABLE AS $$
DECLARE
  v_month timestamptz := date_trunc('month', p_now AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  v_cap int; v_used int;
BEGIN
  SELECT cap_per_cycle, CASE WHEN period_start >= v_month THEN used ELSE 0 END INTO v_cap, v_used
    FROM pool_shares WHERE workspace_id = p_ws AND user_id = p_user;
  IF NOT FOUND THEN
    IF jsonb_typeof(p_policy -> 'poolShareDefault') = 'number' THEN RETURN (p_policy ->> 'poolShareDefault')::bigint; END IF;
    RETURN 1000000000000000;
  END IF;
  IF v_cap IS NULL THEN RETURN 1000000000000000; END IF;
  RETURN greatest(v_cap - v_used, 0);
END $$;

-- Counts (or, negative, gives back) a member's pool draws in the current month.
CREATE FUNCTION credits_note_pool_use(p_ws text, p_user text, p_policy jsonb, p_delta int, p_now timestamptz,
  p_drawn_at timestamptz) RETURNS void LANGUAGE plpgsql AS $$
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
END $$;

-- A member's spendable credits: own unexpired, unpaused grants plus what they may draw from the pool.
CREATE FUNCTION credits_available(c credits_ctx, p_now timestamptz, OUT own bigint, OUT pool_part bigint,
  OUT paused bigint) LANGUAGE plpgsql STABLE AS $$
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
END $$;

CREATE FUNCTION credits_total(c credits_ctx, p_now timestamptz) RETURNS bigint LANGUAGE sql STABLE AS $$
  SELECT own + pool_part FROM credits_available(c, p_now)
$$;

-- The pool's own spendable credits (for pool-only events).
CREATE FUNCTION credits_pool_total(p_pool text, p_now timestamptz) RETURNS bigint LANGUAGE sql STABLE AS $$
  SELECT COALESCE(sum(remaining), 0) FROM credit_grants
   WHERE account_id = p_pool AND remaining > 0 AND effective_at <= p_now AND (expires_at IS NULL OR expires_at > p_now)
$$;

-- Makes the plan allotment of the current cycle for every live subscription that covers the member,
-- once: the unique (subscription, account, cycle_start) index turns concurrent first touches into one.
CREATE FUNCTION credits_ensure_allotments(INOUT c credits_ctx, p_now timestamptz) LANGUAGE plpgsql AS $$
DECLARE
  v_sub record; v_bounds record; v_target text; v_grant text; v_pool credit_accounts;
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
      v_pool := credits_lock_account(c.workspace_id, NULL);
      v_target := v_pool.id;
      IF c.pool_id IS NULL AND c.share_left > 0 THEN c.pool_id := v_pool.id; END IF;
    ELSE
      v_target := c.account_id;
    END IF;
    PERFORM 1 FROM credit_grants WHERE subscription_id = v_sub.id AND account_id = v_target AND cycle_start = v_bounds.cycle_start;
    CONTINUE WHEN FOUND;
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
END $$;

-- Gives a usage's credits back to the grants it drew, last drawn first, after skipping p_skip
-- credits already given back (refunds always walk the same order, so partial refunds add up).
-- A refund whose grant has expired becomes one `refund` grant on the member's account.
CREATE FUNCTION credits_return_draws(c credits_ctx, p_usage credit_usages, p_skip int, p_amount int,
  p_type "LedgerEntryType", p_now timestamptz, p_actor text, p_memo text) RETURNS void LANGUAGE plpgsql AS $$
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
END $$;

-- Locks the member's account (then the pool, if they may draw on it), makes due plan allotments
-- and releases the member's expired holds, so every read and write sees a current account.
CREATE FUNCTION credits_context(p_ws text, p_user text, p_now timestamptz) RETURNS credits_ctx LANGUAGE plpgsql AS $$
DECLARE
  c credits_ctx; v_account credit_accounts; v_pool text; v_needs_allotment boolean; v_hold credit_usages;
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
  SELECT COALESCE(bool_or(p.paid), false), COALESCE(bool_or(p.credits_per_cycle > 0), false)
    INTO c.has_plan, v_needs_allotment
    FROM subscriptions s JOIN plans p ON p.id = s.plan_id
   WHERE s.workspace_id = p_ws AND s.status <> 'ended' AND (s.user_id IS NULL OR s.user_id = p_user)
     AND s.started_at <= p_now AND (s.ends_at IS NULL OR s.ends_at > p_now);
  c.paused_topups := (c.policy ->> 'pauseTopUpsWithoutPaidPlan')::boolean AND NOT c.has_plan;
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
END $$;

-- Idempotency: claims the key (waiting for a concurrent claim to finish) or reports the earlier
-- request: 'claimed', 'replay' (same request hash) or 'conflict'.
CREATE FUNCTION credits_claim_key(p_ws text, p_scope text, p_key text, p_hash text, p_now timestamptz,
  OUT outcome text, OUT status_code int, OUT response jsonb) LANGUAGE plpgsql AS $$
DECLARE v_hash text;
BEGIN
  IF p_key IS NULL THEN outcome := 'none'; RETURN; END IF;
  INSERT INTO idempotency_records (workspace_id, scope, key, request_hash, created_at)
  VALUES (p_ws, p_scope, p_key, p_hash, p_now) ON CONFLICT DO NOTHING;
  IF FOUND THEN outcome := 'claimed'; RETURN; END IF;
  SELECT r.request_hash, r.status_code, r.response INTO v_hash, status_code, response
    FROM idempotency_records r WHERE r.workspace_id = p_ws AND r.scope = p_scope AND r.key = p_key;
  outcome := CASE WHEN v_hash = p_hash THEN 'replay' ELSE 'conflict' END;
END $$;

-- Ends a request: a success stores the response under the claimed key; a failure frees the key.
CREATE FUNCTION credits_finish(p_ws text, p_scope text, p_key text, p_claim text, p_status int, p_result jsonb)
RETURNS jsonb LANGUAGE plpgsql AS $$
BEGIN
  IF p_claim = 'claimed' THEN
    IF p_result ? 'error' THEN
      DELETE FROM idempotency_records WHERE workspace_id = p_ws AND scope = p_scope AND key = p_key;
    ELSE
      UPDATE idempotency_records SET status_code = p_status, response = p_result
       WHERE workspace_id = p_ws AND scope = p_scope AND key = p_key;
    END IF;
  END IF;
  IF p_result ? 'error' THEN RETURN p_result; END IF;
  RETURN jsonb_build_object('status', p_status, 'body', p_result);
END $$;

-- ─── Spend: metered usage (captured at once) or a hold ──────────────────────────
-- One round trip. Rule order of the public API: member 404 → feature 400 → role 403 →
-- 402 (paused / insufficient) → 409 idempotency conflict; a failure leaves the key free.
CREATE FUNCTION credits_spend(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
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
END $$;

-- ─── Capture or release a hold ─────────────────────────────────────────────────
CREATE FUNCTION credits_settle_hold(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
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
END $$;

-- ─── Refund a captured usage ───────────────────────────────────────────────────
CREATE FUNCTION credits_refund(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
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
END $$;

-- ─── Grant credits to a member or (no member) the pool ─────────────────────────
CREATE FUNCTION credits_grant(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
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
END $$;

-- ─── Balance with buckets ──────────────────────────────────────────────────────
-- Locks the account briefly: reading is a first touch that may make an allotment or end holds.
CREATE FUNCTION credits_balance(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
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
END $$;

-- ─── Expiry (called per account by the jobs) ───────────────────────────────────
-- Writes an `expire` entry for every expired grant of one account that still has credits;
-- balances already ignored them, so balanceAfter is the unchanged available.
CREATE FUNCTION credits_expire_account(p_account text, p_now timestamptz) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  v_account credit_accounts; c credits_ctx; v_grant credit_grants; v_count int := 0; v_balance bigint;
BEGIN
  SELECT * INTO v_account FROM credit_accounts WHERE id = p_account;
  IF NOT FOUND THEN RETURN 0; END IF;
  IF v_account.user_id IS NOT NULL THEN
    c := credits_context(v_account.workspace_id, v_account.user_id, p_now);
    v_balance := credits_total(c, p_now);
  ELSE
    PERFORM 1 FROM credit_accounts WHERE id = p_account FOR UPDATE;
    v_balance := credits_pool_total(p_account, p_now);
  END IF;
  FOR v_grant IN SELECT * FROM credit_grants WHERE account_id = p_account AND remaining > 0 AND expires_at <= p_now
    ORDER BY expires_at, id FOR UPDATE
  LOOP
    UPDATE credit_grants SET remaining = 0 WHERE id = v_grant.id;
    PERFORM credits_write_entry(v_account.workspace_id, p_account, v_account.user_id, v_grant.id, NULL, 'expire',
      v_grant.source, -v_grant.remaining, v_balance, 'system', 'Expired', p_now);
    v_count := v_count + 1;
  END LOOP;
  RETURN v_count;
END $$;

-- Releases the expired holds of one account (credits_context does it under the account lock).
CREATE FUNCTION credits_expire_account_holds(p_account text, p_now timestamptz) RETURNS void LANGUAGE plpgsql AS $$
DECLARE v_account credit_accounts;
BEGIN
  SELECT * INTO v_account FROM credit_accounts WHERE id = p_account AND user_id IS NOT NULL;
  IF FOUND THEN PERFORM credits_context(v_account.workspace_id, v_account.user_id, p_now); END IF;
END $$;

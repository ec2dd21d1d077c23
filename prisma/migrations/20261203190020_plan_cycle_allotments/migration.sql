-- A cycle's plan credits are granted once per subscription × cycle, wherever the policy says they
-- land. The first touch of a cycle records where that is (each member's account or the workspace
-- pool); a policy switch later in the same cycle mints nothing: the credits already granted stay
-- where they are, and the new target applies from the next cycle.

CREATE TYPE "PlanCreditsTarget" AS ENUM ('member', 'pool');

CREATE TABLE "plan_cycle_allotments" (
    "subscription_id" TEXT NOT NULL,
    "cycle_start" TIMESTAMPTZ(3) NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "lands_in" "PlanCreditsTarget" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "plan_cycle_allotments_pkey" PRIMARY KEY ("subscription_id", "cycle_start")
);

CREATE INDEX "plan_cycle_allotments_workspace_id_idx" ON "plan_cycle_allotments"("workspace_id");

ALTER TABLE "plan_cycle_allotments" ADD CONSTRAINT "plan_cycle_allotments_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "subscriptions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing cycles: where their first plan grant landed. A cycle that already received both (the
-- defect this fixes) keeps what it was given; from now on it mints nothing more.
INSERT INTO "plan_cycle_allotments" ("subscription_id", "cycle_start", "workspace_id", "lands_in", "created_at")
SELECT DISTINCT ON (g.subscription_id, g.cycle_start)
       g.subscription_id, g.cycle_start, g.workspace_id,
       CASE WHEN a.user_id IS NULL THEN 'pool' ELSE 'member' END::"PlanCreditsTarget", g.created_at
  FROM credit_grants g
  JOIN credit_accounts a ON a.id = g.account_id
  JOIN subscriptions s ON s.id = g.subscription_id
 WHERE g.source = 'plan' AND g.cycle_start IS NOT NULL
 ORDER BY g.subscription_id, g.cycle_start, g.created_at, g.id;

-- Makes the plan allotment of the current cycle for every live subscription that covers the member,
-- once: the cycle's record (first touch wins, concurrent first touches wait on its key) fixes where
-- the cycle's credits land, and the unique (subscription, account, cycle_start) index keeps each
-- account to one grant.
CREATE OR REPLACE FUNCTION credits_ensure_allotments(INOUT c credits_ctx, p_now timestamptz) LANGUAGE plpgsql AS $$
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
END $$;

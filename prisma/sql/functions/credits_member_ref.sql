CREATE OR REPLACE FUNCTION public.credits_member_ref(p_ws text, p_ref text, OUT user_id text, OUT role text, OUT email text)
 RETURNS record
 LANGUAGE plpgsql
 STABLE
AS $function$
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
END $function$;

-- Enters a neighbourhood for the holder of a session: what app_enter_tenant (0003, 0036) does, with the session and
-- its person read in the same round trip instead of one of their own before it. The settings are written first, so
-- the member row is read under the policies they select. The caller decides whether the session holds (the secret's
-- hash, the inactivity limit, on its own clock); when it does not, nothing read here is used and the transaction is
-- the public's: the settings name the neighbourhood and no person.
CREATE OR REPLACE FUNCTION app_enter_session(p_tenant uuid, p_session text)
RETURNS TABLE (
  secret_hash bytea,
  last_verified_at timestamptz,
  user_id uuid,
  phone text,
  display_name text,
  locale text,
  is_platform_operator boolean,
  member_id uuid,
  roles text[]
) LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  -- The settings exactly as app_enter_tenant writes them (one place for them); no person, so no member row.
  PERFORM * FROM app_enter_tenant(p_tenant, NULL);
  RETURN QUERY
    SELECT s.secret_hash, s.last_verified_at, u.id, u.phone, u.display_name, u.locale, u.is_platform_operator,
           m.id, m.roles
      FROM sessions s
      JOIN users u ON u.id = s.user_id
      LEFT JOIN members m ON m.user_id = s.user_id
     WHERE s.id = p_session;
END
$$;

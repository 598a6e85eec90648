-- The login a pooled connection uses (README.md): a transaction-mode pooler refuses the `options=-c role=city_app`
-- startup parameter the direct drivers send, so the server starts every session of this login as city_app instead.
-- Run as the migration owner after every migration run: plugins' migrations add roles it must be able to switch to.
-- Idempotent. Its password is set apart (ALTER ROLE city_app_login PASSWORD ...), never here.
DO $$
DECLARE
  granted record;
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'city_app_login') THEN
    -- The defaults are NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS.
    CREATE ROLE city_app_login LOGIN NOINHERIT;
  ELSE
    ALTER ROLE city_app_login LOGIN NOINHERIT;
  END IF;
  -- NOINHERIT: the memberships give no privileges of their own, only the right to switch (scope.ts, asEraser, the
  -- dispatcher's sweeps, plugin roles); the owner's roles that may not log in and cannot bypass RLS, nothing else.
  FOR granted IN
    SELECT g.rolname FROM pg_auth_members m
      JOIN pg_roles g ON g.oid = m.roleid
      WHERE m.member = (SELECT oid FROM pg_roles WHERE rolname = current_user)
        AND g.rolname LIKE 'city\_%' AND NOT g.rolcanlogin AND NOT g.rolsuper AND NOT g.rolbypassrls
  LOOP
    EXECUTE format('GRANT %I TO city_app_login', granted.rolname);
  END LOOP;
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'city_app_login' AND (rolsuper OR rolbypassrls)) THEN
    RAISE EXCEPTION 'city_app_login must not be a superuser nor bypass row-level security';
  END IF;
END
$$;
ALTER ROLE city_app_login SET role = 'city_app';

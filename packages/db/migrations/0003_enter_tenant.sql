-- Enters a neighbourhood and answers the caller's membership in one round trip: the settings are written first
-- (transaction-local, like scope.ts does), then the member row is read under the policies those settings select.
CREATE OR REPLACE FUNCTION app_enter_tenant(p_tenant uuid, p_user uuid)
RETURNS TABLE (member_id uuid, roles text[]) LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM set_config('role', 'city_app', true);
  PERFORM set_config('app.tenant_id', p_tenant::text, true);
  PERFORM set_config('app.user_id', '', true);
  PERFORM set_config('app.user_phone', '', true);
  PERFORM set_config('app.supervised_tenants', '', true);
  RETURN QUERY SELECT m.id, m.roles FROM members m WHERE m.user_id = p_user;
END
$$;

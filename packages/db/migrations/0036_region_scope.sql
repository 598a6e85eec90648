-- The region a transaction acts for (plugins' region routes) and its branch, the region and every region below it: set
-- only by scope.ts (withRegion), read by the policies of plugin rows that belong to a region of the tree.
CREATE OR REPLACE FUNCTION app_region() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.region_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_region_branch() RETURNS uuid[] LANGUAGE sql STABLE
  AS $$ SELECT coalesce(nullif(current_setting('app.region_branch', true), ''), '{}')::uuid[] $$;
--> statement-breakpoint
-- The 社区, 街道 and 区 of the neighbourhood a transaction is in (empty outside one), so its routes can read the rows
-- of the regions above it. Plugin roles cannot read tenants, hence SECURITY DEFINER; the fixed search_path and the
-- qualified names keep a caller's own objects from standing in for the ones it reads.
CREATE OR REPLACE FUNCTION app_tenant_regions() RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$ SELECT coalesce(
    (SELECT array_remove(ARRAY[t.community_id, t.street_id, t.district_id], NULL)
       FROM public.tenants t WHERE t.id = public.app_tenant()),
    '{}') $$;
--> statement-breakpoint
-- Entering a neighbourhood leaves no region behind, as it leaves no organisation (0014).
CREATE OR REPLACE FUNCTION app_enter_tenant(p_tenant uuid, p_user uuid)
RETURNS TABLE (member_id uuid, roles text[]) LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM set_config('role', 'city_app', true);
  PERFORM set_config('app.tenant_id', p_tenant::text, true);
  PERFORM set_config('app.user_id', '', true);
  PERFORM set_config('app.user_phone', '', true);
  PERFORM set_config('app.supervised_tenants', '', true);
  PERFORM set_config('app.organisation_id', '', true);
  PERFORM set_config('app.region_id', '', true);
  PERFORM set_config('app.region_branch', '', true);
  RETURN QUERY SELECT m.id, m.roles FROM members m WHERE m.user_id = p_user;
END
$$;

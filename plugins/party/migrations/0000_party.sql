-- 智慧党建. Party membership is sensitive personal information (PIPL art. 28–29): it lives only in these tables, is
-- asked for with separate consent, and reaches other plugins only as the badge its member chose to show (core
-- profile badges). Rows are of two kinds, each with its own policies:
--   * a region's rows (the 街道党工委 and 社区党委 above the neighbourhoods): region_id, written by the region's staff
--     (app_region()), read by the staff above it (app_region_branch()) and by the neighbourhoods below
--     (app_tenant_regions());
--   * a neighbourhood's rows (its branch, groups, the people who lead buildings, members): tenant_id, written by the
--     neighbourhood, read — never written — by the staff of the regions above it (app_supervised_tenants()).
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'city_p_party') THEN
    CREATE ROLE city_p_party NOLOGIN NOBYPASSRLS;
  END IF;
END $$;
--> statement-breakpoint
GRANT city_p_party TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO city_p_party;
--> statement-breakpoint
CREATE TABLE party_committees (
  region_id uuid PRIMARY KEY REFERENCES regions(id),
  level text NOT NULL CHECK (level IN ('street', 'community')),
  name text NOT NULL,
  secretary text NOT NULL DEFAULT '',
  phone text NOT NULL DEFAULT '',
  updated_at timestamptz NOT NULL
);
--> statement-breakpoint
CREATE TABLE party_branches (
  tenant_id uuid PRIMARY KEY REFERENCES tenants(id),
  name text NOT NULL,
  kind text NOT NULL DEFAULT 'functional' CHECK (kind IN ('functional', 'standing')),
  updated_at timestamptz NOT NULL
);
--> statement-breakpoint
-- The branch committee as residents see it (书记, 副书记, 委员); who may run the branch is the plugin role `branch`.
CREATE TABLE party_officers (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  user_id uuid NOT NULL,
  name text NOT NULL,
  position text NOT NULL CHECK (position IN ('secretary', 'deputy', 'member')),
  PRIMARY KEY (tenant_id, user_id)
);
--> statement-breakpoint
CREATE TABLE party_groups (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  name text NOT NULL,
  leader_user_id uuid,
  leader_name text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL,
  UNIQUE (tenant_id, name),
  UNIQUE (id, tenant_id)
);
--> statement-breakpoint
-- A registry building belongs to at most one 楼栋党小组.
CREATE TABLE party_group_buildings (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  building_id uuid NOT NULL,
  group_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, building_id),
  FOREIGN KEY (group_id, tenant_id) REFERENCES party_groups(id, tenant_id) ON DELETE CASCADE
);
--> statement-breakpoint
-- 楼栋长 (a building), 单元长 (an entrance of it), 楼层长 (a floor of an entrance): one person per place.
CREATE TABLE party_leaders (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  kind text NOT NULL CHECK (kind IN ('building', 'entrance', 'floor')),
  building_id uuid NOT NULL,
  entrance text NOT NULL DEFAULT '',
  floor integer,
  user_id uuid NOT NULL,
  name text NOT NULL,
  phone text NOT NULL,
  created_at timestamptz NOT NULL,
  CHECK ((kind = 'building' AND entrance = '' AND floor IS NULL)
      OR (kind = 'entrance' AND entrance <> '' AND floor IS NULL)
      OR (kind = 'floor' AND entrance <> '' AND floor IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX party_leaders_place ON party_leaders (tenant_id, building_id, kind, entrance, coalesce(floor, 0));
--> statement-breakpoint
-- 在职党员报到: one open registration per person (pending or confirmed); ended ones stay as the branch's record.
CREATE TABLE party_members (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  user_id uuid NOT NULL,
  name text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'confirmed', 'declined', 'transferred', 'removed')),
  work_unit text NOT NULL,
  home_unit_id uuid NOT NULL,
  home_address text NOT NULL,
  group_id uuid,
  -- 单独同意: when, and to which wording (its version), the person agreed; withdrawing it deletes the row.
  consent_at timestamptz NOT NULL,
  consent_version text NOT NULL,
  -- 亮身份: shown to others only while true.
  show_badge boolean NOT NULL DEFAULT false,
  registered_at timestamptz NOT NULL,
  decided_at timestamptz,
  end_note text NOT NULL DEFAULT '',
  UNIQUE (id, tenant_id),
  FOREIGN KEY (group_id, tenant_id) REFERENCES party_groups(id, tenant_id) ON DELETE SET NULL (group_id)
);
--> statement-breakpoint
CREATE UNIQUE INDEX party_members_open ON party_members (tenant_id, user_id) WHERE status IN ('pending', 'confirmed');
--> statement-breakpoint
CREATE INDEX party_members_status ON party_members (tenant_id, status, registered_at);
--> statement-breakpoint
-- What happened to a registration (registered, confirmed, declined, transferred, removed), by whom: the branch's record.
CREATE TABLE party_member_events (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  member_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('registered', 'confirmed', 'declined', 'transferred', 'removed', 'grouped')),
  actor_name text NOT NULL,
  note text NOT NULL DEFAULT '',
  at timestamptz NOT NULL,
  FOREIGN KEY (member_id, tenant_id) REFERENCES party_members(id, tenant_id) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX party_member_events_member ON party_member_events (tenant_id, member_id, at);
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['party_committees', 'party_branches', 'party_officers', 'party_groups', 'party_group_buildings',
                           'party_leaders', 'party_members', 'party_member_events'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['party_branches', 'party_officers', 'party_groups', 'party_group_buildings', 'party_leaders',
                           'party_members', 'party_member_events'] LOOP
    EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO PUBLIC USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())', t || '_tenant', t);
  END LOOP;
  -- The regions above read how their branches stand (their routes show counts, never a member's name or work unit).
  FOREACH t IN ARRAY ARRAY['party_branches', 'party_officers', 'party_groups', 'party_group_buildings', 'party_members'] LOOP
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO PUBLIC USING (tenant_id = any(app_supervised_tenants()))', t || '_above', t);
  END LOOP;
END $$;
--> statement-breakpoint
CREATE POLICY party_committees_region ON party_committees FOR ALL TO PUBLIC USING (region_id = app_region()) WITH CHECK (region_id = app_region());
--> statement-breakpoint
CREATE POLICY party_committees_branch ON party_committees FOR SELECT TO PUBLIC USING (region_id = any(app_region_branch()));
--> statement-breakpoint
CREATE POLICY party_committees_below ON party_committees FOR SELECT TO PUBLIC USING (region_id = any(app_tenant_regions()));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON party_committees, party_branches, party_officers, party_groups,
  party_group_buildings, party_leaders, party_members TO city_p_party;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON party_member_events TO city_p_party;

-- Activities (三会一课, volunteer work, publicity) with sign-up and attendance, the branch's duty list (职责清单) per
-- year, the residents' needs members collected (each a 码上提 report of the core), and photos for all of them.
CREATE TABLE party_activities (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  kind text NOT NULL CHECK (kind IN ('meeting', 'volunteer', 'publicity')),
  -- 三会一课: 支部党员大会, 支委会, 党小组会, 党课 (meetings only).
  meeting_type text CHECK (meeting_type IN ('assembly', 'committee', 'group', 'lecture')),
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  place text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  capacity integer CHECK (capacity IS NULL OR capacity > 0),
  -- Volunteer work and publicity may be open to every member of the neighbourhood, not only party members.
  open_to_residents boolean NOT NULL DEFAULT false,
  -- The scheme's rule that attending earns (null: none).
  rule_id uuid,
  status text NOT NULL CHECK (status IN ('planned', 'held', 'cancelled')),
  organiser_name text NOT NULL,
  attendance_taken_at timestamptz,
  created_at timestamptz NOT NULL,
  CHECK (ends_at > starts_at),
  CHECK ((kind = 'meeting') = (meeting_type IS NOT NULL)),
  CHECK (NOT (kind = 'meeting' AND open_to_residents)),
  UNIQUE (id, tenant_id),
  FOREIGN KEY (rule_id, tenant_id) REFERENCES party_point_rules(id, tenant_id)
);
--> statement-breakpoint
CREATE INDEX party_activities_time ON party_activities (tenant_id, starts_at);
--> statement-breakpoint
CREATE TABLE party_signups (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  activity_id uuid NOT NULL,
  user_id uuid NOT NULL,
  name text NOT NULL,
  -- Set when the person is a confirmed party member here (attendance then earns the activity's points).
  member_id uuid,
  signed_up_at timestamptz NOT NULL,
  attended boolean,
  PRIMARY KEY (tenant_id, activity_id, user_id),
  FOREIGN KEY (activity_id, tenant_id) REFERENCES party_activities(id, tenant_id) ON DELETE CASCADE,
  FOREIGN KEY (member_id, tenant_id) REFERENCES party_members(id, tenant_id) ON DELETE SET NULL (member_id)
);
--> statement-breakpoint
CREATE TABLE party_duties (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  title text NOT NULL,
  status text NOT NULL CHECK (status IN ('todo', 'doing', 'done')),
  evidence text NOT NULL DEFAULT '',
  position integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL,
  updated_by_name text NOT NULL DEFAULT '',
  UNIQUE (tenant_id, year, title)
);
--> statement-breakpoint
-- A need a member collected (收集居民需求), opened as a 码上提 report in the member's name; the report is the core's.
CREATE TABLE party_needs (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  member_id uuid NOT NULL,
  report_id uuid NOT NULL,
  report_number integer NOT NULL,
  report_link text NOT NULL,
  summary text NOT NULL,
  created_at timestamptz NOT NULL,
  FOREIGN KEY (member_id, tenant_id) REFERENCES party_members(id, tenant_id) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX party_needs_time ON party_needs (tenant_id, created_at);
--> statement-breakpoint
CREATE TABLE party_photos (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  subject text NOT NULL CHECK (subject IN ('activity', 'commitment', 'duty')),
  subject_id uuid NOT NULL,
  content_type text NOT NULL,
  bytes bytea NOT NULL,
  created_at timestamptz NOT NULL
);
--> statement-breakpoint
CREATE INDEX party_photos_subject ON party_photos (tenant_id, subject, subject_id, created_at);
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['party_activities', 'party_signups', 'party_duties', 'party_needs', 'party_photos'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO PUBLIC USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())', t || '_tenant', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['party_activities', 'party_signups', 'party_duties'] LOOP
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO PUBLIC USING (tenant_id = any(app_supervised_tenants()))', t || '_above', t);
  END LOOP;
END $$;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON party_activities, party_signups, party_duties, party_needs, party_photos TO city_p_party;

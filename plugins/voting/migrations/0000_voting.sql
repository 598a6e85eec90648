-- 议事 and 业主大会 votes. Every table follows the tenancy invariants (tenant_id, row-level security enabled and
-- forced) and is reachable only by the plugin's own database role, which can touch nothing of the core.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'city_p_voting') THEN
    CREATE ROLE city_p_voting NOLOGIN NOBYPASSRLS;
  END IF;
END $$;
--> statement-breakpoint
GRANT city_p_voting TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO city_p_voting;
--> statement-breakpoint
CREATE TABLE voting_topics (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  title text NOT NULL,
  body text NOT NULL,
  building_id uuid,
  building_name text,
  author_id uuid NOT NULL,
  author_name text NOT NULL,
  support_count integer NOT NULL DEFAULT 0,
  reply_count integer NOT NULL DEFAULT 0,
  hidden_reason text,
  hidden_by_name text,
  hidden_at timestamptz,
  motion_id uuid,
  created_at timestamptz NOT NULL,
  last_activity_at timestamptz NOT NULL
);
--> statement-breakpoint
CREATE INDEX voting_topics_tenant ON voting_topics (tenant_id, last_activity_at DESC);
--> statement-breakpoint
ALTER TABLE voting_topics ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE voting_topics FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY voting_topics_tenant ON voting_topics FOR ALL TO PUBLIC USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON voting_topics TO city_p_voting;
--> statement-breakpoint
CREATE TABLE voting_replies (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  topic_id uuid NOT NULL REFERENCES voting_topics(id),
  author_id uuid NOT NULL,
  author_name text NOT NULL,
  body text NOT NULL,
  hidden_reason text,
  hidden_by_name text,
  hidden_at timestamptz,
  created_at timestamptz NOT NULL
);
--> statement-breakpoint
CREATE INDEX voting_replies_topic ON voting_replies (tenant_id, topic_id, created_at);
--> statement-breakpoint
ALTER TABLE voting_replies ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE voting_replies FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY voting_replies_tenant ON voting_replies FOR ALL TO PUBLIC USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON voting_replies TO city_p_voting;
--> statement-breakpoint
CREATE TABLE voting_supports (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  topic_id uuid NOT NULL REFERENCES voting_topics(id),
  user_id uuid NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (topic_id, user_id)
);
--> statement-breakpoint
ALTER TABLE voting_supports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE voting_supports FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY voting_supports_tenant ON voting_supports FOR ALL TO PUBLIC USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON voting_supports TO city_p_voting;
--> statement-breakpoint
CREATE TABLE voting_reports (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  topic_id uuid NOT NULL REFERENCES voting_topics(id),
  reply_id uuid REFERENCES voting_replies(id),
  reporter_id uuid NOT NULL,
  reason text NOT NULL,
  created_at timestamptz NOT NULL,
  resolved_at timestamptz
);
--> statement-breakpoint
CREATE INDEX voting_reports_open ON voting_reports (tenant_id, created_at) WHERE resolved_at IS NULL;
--> statement-breakpoint
ALTER TABLE voting_reports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE voting_reports FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY voting_reports_tenant ON voting_reports FOR ALL TO PUBLIC USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON voting_reports TO city_p_voting;
--> statement-breakpoint
CREATE TABLE voting_meetings (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  status text NOT NULL CHECK (status IN ('draft', 'announced', 'open', 'closed')),
  opens_at timestamptz NOT NULL,
  closes_at timestamptz NOT NULL CHECK (closes_at > opens_at),
  allow_change boolean NOT NULL DEFAULT false,
  reveal_live boolean NOT NULL DEFAULT false,
  disclosure text NOT NULL DEFAULT 'room' CHECK (disclosure IN ('named', 'room', 'hidden')),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  announced_at timestamptz,
  notice_id uuid,
  opened_at timestamptz,
  roll_hash text,
  roll_area bigint,
  roll_count integer,
  ballot_seq integer NOT NULL DEFAULT 0,
  chain_head text,
  closed_at timestamptz,
  result_notice_id uuid
);
--> statement-breakpoint
CREATE INDEX voting_meetings_tenant ON voting_meetings (tenant_id, opens_at DESC);
--> statement-breakpoint
ALTER TABLE voting_meetings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE voting_meetings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY voting_meetings_tenant ON voting_meetings FOR ALL TO PUBLIC USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON voting_meetings TO city_p_voting;
--> statement-breakpoint
CREATE TABLE voting_motions (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  meeting_id uuid NOT NULL REFERENCES voting_meetings(id),
  position integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('motion', 'election')),
  matter_type text NOT NULL,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  seats integer CHECK ((kind = 'election') = (seats IS NOT NULL)),
  topic_id uuid REFERENCES voting_topics(id),
  result jsonb
);
--> statement-breakpoint
CREATE UNIQUE INDEX voting_motions_position ON voting_motions (meeting_id, position);
--> statement-breakpoint
ALTER TABLE voting_motions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE voting_motions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY voting_motions_tenant ON voting_motions FOR ALL TO PUBLIC USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON voting_motions TO city_p_voting;
--> statement-breakpoint
CREATE TABLE voting_candidates (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  motion_id uuid NOT NULL REFERENCES voting_motions(id),
  position integer NOT NULL,
  name text NOT NULL,
  statement text NOT NULL DEFAULT ''
);
--> statement-breakpoint
CREATE INDEX voting_candidates_motion ON voting_candidates (tenant_id, motion_id, position);
--> statement-breakpoint
ALTER TABLE voting_candidates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE voting_candidates FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY voting_candidates_tenant ON voting_candidates FOR ALL TO PUBLIC USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON voting_candidates TO city_p_voting;
--> statement-breakpoint
CREATE TABLE voting_roll_owners (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  meeting_id uuid NOT NULL REFERENCES voting_meetings(id),
  key text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('developer', 'owner')),
  area bigint NOT NULL,
  owner_ids uuid[] NOT NULL,
  voter_owner_ids uuid[] NOT NULL,
  names text NOT NULL,
  label text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX voting_roll_owners_key ON voting_roll_owners (meeting_id, key);
--> statement-breakpoint
CREATE INDEX voting_roll_owners_voters ON voting_roll_owners USING gin (voter_owner_ids);
--> statement-breakpoint
ALTER TABLE voting_roll_owners ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE voting_roll_owners FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY voting_roll_owners_tenant ON voting_roll_owners FOR ALL TO PUBLIC USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON voting_roll_owners TO city_p_voting;
--> statement-breakpoint
CREATE TABLE voting_roll_units (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  meeting_id uuid NOT NULL REFERENCES voting_meetings(id),
  roll_owner_id uuid NOT NULL REFERENCES voting_roll_owners(id),
  unit_id uuid NOT NULL,
  building_name text NOT NULL,
  room text NOT NULL,
  area integer NOT NULL,
  area_source text NOT NULL,
  PRIMARY KEY (meeting_id, unit_id)
);
--> statement-breakpoint
CREATE INDEX voting_roll_units_owner ON voting_roll_units (tenant_id, roll_owner_id);
--> statement-breakpoint
ALTER TABLE voting_roll_units ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE voting_roll_units FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY voting_roll_units_tenant ON voting_roll_units FOR ALL TO PUBLIC USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON voting_roll_units TO city_p_voting;
--> statement-breakpoint
CREATE TABLE voting_ballots (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  meeting_id uuid NOT NULL REFERENCES voting_meetings(id),
  roll_owner_id uuid NOT NULL REFERENCES voting_roll_owners(id),
  channel text NOT NULL CHECK (channel IN ('online', 'paper', 'proxy')),
  status text NOT NULL CHECK (status IN ('pending', 'accepted', 'superseded', 'rejected')),
  choices jsonb NOT NULL,
  receipt text NOT NULL,
  idempotency_key text,
  cast_by uuid,
  paper_ref text,
  proxy_name text,
  proxy_authorisation text,
  entered_by uuid,
  entered_by_name text,
  confirmed_by uuid,
  confirmed_by_name text,
  supersedes text,
  created_at timestamptz NOT NULL,
  accepted_at timestamptz,
  seq integer,
  prev_hash text,
  entry_hash text,
  CHECK (seq IS NULL OR status IN ('accepted', 'superseded'))
);
--> statement-breakpoint
-- One live ballot per counting owner and meeting (a paper ballot awaiting its second check included): concurrent or
-- repeated submissions can never count twice.
CREATE UNIQUE INDEX voting_ballots_one_live ON voting_ballots (meeting_id, roll_owner_id) WHERE status IN ('pending', 'accepted');
--> statement-breakpoint
CREATE UNIQUE INDEX voting_ballots_seq ON voting_ballots (meeting_id, seq);
--> statement-breakpoint
CREATE UNIQUE INDEX voting_ballots_receipt ON voting_ballots (tenant_id, receipt);
--> statement-breakpoint
CREATE UNIQUE INDEX voting_ballots_idempotency ON voting_ballots (meeting_id, cast_by, idempotency_key);
--> statement-breakpoint
CREATE INDEX voting_ballots_meeting ON voting_ballots (tenant_id, meeting_id, status);
--> statement-breakpoint
-- The ballots waiting for the chain: a seal reads only these, however many ballots the meeting already holds.
CREATE INDEX voting_ballots_unsealed ON voting_ballots (meeting_id, accepted_at, id) WHERE seq IS NULL AND status IN ('accepted', 'superseded');
--> statement-breakpoint
ALTER TABLE voting_ballots ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE voting_ballots FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY voting_ballots_tenant ON voting_ballots FOR ALL TO PUBLIC USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON voting_ballots TO city_p_voting;

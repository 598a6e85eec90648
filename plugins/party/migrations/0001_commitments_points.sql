-- 承诺践诺 and 积分制. A member's commitments for a year and their fulfilment, confirmed by the branch; a points scheme
-- per branch (what earns points, how many, the yearly cap, who may award); and the points themselves as a ledger the
-- plugin's role may only add to: a correction is a reversing entry, never an edit (no UPDATE or DELETE is granted).
CREATE TABLE party_commitments (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  member_id uuid NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  status text NOT NULL CHECK (status IN ('published', 'claimed', 'fulfilled', 'withdrawn')),
  evidence text NOT NULL DEFAULT '',
  published_at timestamptz NOT NULL,
  claimed_at timestamptz,
  decided_at timestamptz,
  decided_by_name text NOT NULL DEFAULT '',
  UNIQUE (id, tenant_id),
  FOREIGN KEY (member_id, tenant_id) REFERENCES party_members(id, tenant_id) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX party_commitments_member ON party_commitments (tenant_id, member_id, year);
--> statement-breakpoint
CREATE TABLE party_point_rules (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  name text NOT NULL,
  points integer NOT NULL CHECK (points BETWEEN 1 AND 100),
  -- At most this many points from the rule per member per year; null: no cap.
  yearly_cap integer CHECK (yearly_cap IS NULL OR yearly_cap >= points),
  -- Who may award it: the branch only, or also an activity's organiser when taking attendance.
  awarded_by text NOT NULL CHECK (awarded_by IN ('branch', 'organiser')),
  -- What awards it by itself: a confirmed commitment, attendance at an activity; null: awarded by hand.
  trigger text CHECK (trigger IN ('commitment', 'attendance')),
  active boolean NOT NULL DEFAULT true,
  UNIQUE (id, tenant_id),
  UNIQUE (tenant_id, name)
);
--> statement-breakpoint
CREATE UNIQUE INDEX party_point_rules_trigger ON party_point_rules (tenant_id, trigger) WHERE active AND trigger IS NOT NULL;
--> statement-breakpoint
CREATE TABLE party_points (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  member_id uuid NOT NULL,
  rule_id uuid,
  year integer NOT NULL,
  points integer NOT NULL CHECK (points <> 0),
  reason text NOT NULL,
  -- What earned it (a commitment, an activity), so the same thing never earns twice.
  source text,
  -- A reversing entry names the entry it reverses; an entry is reversed at most once, and a reversal never is.
  reverses uuid UNIQUE,
  awarded_by_name text NOT NULL,
  at timestamptz NOT NULL,
  FOREIGN KEY (member_id, tenant_id) REFERENCES party_members(id, tenant_id) ON DELETE CASCADE,
  FOREIGN KEY (rule_id, tenant_id) REFERENCES party_point_rules(id, tenant_id),
  FOREIGN KEY (reverses) REFERENCES party_points(id) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE UNIQUE INDEX party_points_source ON party_points (tenant_id, member_id, source) WHERE source IS NOT NULL AND reverses IS NULL;
--> statement-breakpoint
CREATE INDEX party_points_member ON party_points (tenant_id, member_id, year);
--> statement-breakpoint
-- A reversal takes back exactly what it reverses, from the same member, and never reverses a reversal.
CREATE FUNCTION party_points_reversal_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE original party_points;
BEGIN
  IF NEW.reverses IS NULL THEN RETURN NEW; END IF;
  SELECT * INTO original FROM party_points WHERE id = NEW.reverses;
  IF original.id IS NULL OR original.reverses IS NOT NULL OR original.member_id <> NEW.member_id
     OR original.points <> -NEW.points THEN
    RAISE EXCEPTION 'party_points: % does not reverse %', NEW.id, NEW.reverses USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER party_points_reversal_guard BEFORE INSERT ON party_points FOR EACH ROW EXECUTE FUNCTION party_points_reversal_guard();
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['party_commitments', 'party_point_rules', 'party_points'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO PUBLIC USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())', t || '_tenant', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO PUBLIC USING (tenant_id = any(app_supervised_tenants()))', t || '_above', t);
  END LOOP;
END $$;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON party_commitments, party_point_rules TO city_p_party;
--> statement-breakpoint
GRANT SELECT, INSERT ON party_points TO city_p_party;

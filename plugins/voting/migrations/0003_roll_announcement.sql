-- The roll published with the meeting notice: its totals on the meeting, and each unit's counting area and counting
-- owner (digested) at the announcement, so that opening can list what changed in the registry since.
ALTER TABLE voting_meetings ADD COLUMN announced_roll_area bigint;
--> statement-breakpoint
ALTER TABLE voting_meetings ADD COLUMN announced_roll_count integer;
--> statement-breakpoint
CREATE TABLE voting_roll_announcements (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  meeting_id uuid NOT NULL REFERENCES voting_meetings(id),
  taken_at timestamptz NOT NULL,
  units jsonb NOT NULL,
  changes jsonb,
  changes_notice_id uuid,
  PRIMARY KEY (tenant_id, meeting_id)
);
--> statement-breakpoint
ALTER TABLE voting_roll_announcements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE voting_roll_announcements FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY voting_roll_announcements_tenant ON voting_roll_announcements FOR ALL TO PUBLIC USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON voting_roll_announcements TO city_p_voting;

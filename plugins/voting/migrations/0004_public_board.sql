-- Votes anyone can check from outside (docs/domain.md §1; plugins/voting/README.md "The bulletin board"): the chain
-- records every fact that moves the count (accepted, 废票, rejected) with its kind under the hash; it starts from the
-- roll commitment extended by the meeting's terms; ballots commit to their choices by a salted digest until the
-- count; paper sheets carry when they were received and a number used once per meeting; proxies carry their signed
-- authorisation; a motion may be decided by the owners of some buildings only.
ALTER TABLE voting_meetings ADD COLUMN roll_salt text;
--> statement-breakpoint
ALTER TABLE voting_meetings ADD COLUMN chain_start text;
--> statement-breakpoint
ALTER TABLE voting_meetings ADD COLUMN sheets_issued integer CHECK (sheets_issued >= 0);
--> statement-breakpoint
ALTER TABLE voting_meetings ADD COLUMN sheets_returned integer CHECK (sheets_returned >= 0);
--> statement-breakpoint
ALTER TABLE voting_motions ADD COLUMN scope uuid[] CHECK (scope IS NULL OR cardinality(scope) > 0);
--> statement-breakpoint
ALTER TABLE voting_roll_units ADD COLUMN building_id uuid;
--> statement-breakpoint
CREATE TABLE voting_proxy_documents (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  meeting_id uuid NOT NULL REFERENCES voting_meetings(id),
  media_type text NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  bytes bytea NOT NULL,
  digest text NOT NULL,
  uploaded_by uuid NOT NULL,
  created_at timestamptz NOT NULL
);
--> statement-breakpoint
CREATE INDEX voting_proxy_documents_meeting ON voting_proxy_documents (tenant_id, meeting_id);
--> statement-breakpoint
ALTER TABLE voting_proxy_documents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE voting_proxy_documents FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY voting_proxy_documents_tenant ON voting_proxy_documents FOR ALL TO PUBLIC USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON voting_proxy_documents TO city_p_voting;
--> statement-breakpoint
-- A sheet number typed a second time: refused, and counted for the reconciliation.
CREATE TABLE voting_sheet_refusals (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  meeting_id uuid NOT NULL REFERENCES voting_meetings(id),
  paper_ref text NOT NULL,
  entered_by uuid NOT NULL,
  created_at timestamptz NOT NULL
);
--> statement-breakpoint
CREATE INDEX voting_sheet_refusals_meeting ON voting_sheet_refusals (tenant_id, meeting_id);
--> statement-breakpoint
ALTER TABLE voting_sheet_refusals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE voting_sheet_refusals FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY voting_sheet_refusals_tenant ON voting_sheet_refusals FOR ALL TO PUBLIC USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON voting_sheet_refusals TO city_p_voting;
--> statement-breakpoint
ALTER TABLE voting_ballots ADD COLUMN nonce text;
--> statement-breakpoint
ALTER TABLE voting_ballots ADD COLUMN received_at timestamptz;
--> statement-breakpoint
ALTER TABLE voting_ballots ADD COLUMN whole_invalid boolean NOT NULL DEFAULT false;
--> statement-breakpoint
ALTER TABLE voting_ballots ADD COLUMN proxy_document_id uuid REFERENCES voting_proxy_documents(id);
--> statement-breakpoint
-- A rejected entry is a fact of the chain too (it never counts, and it stays on the record).
ALTER TABLE voting_ballots DROP CONSTRAINT voting_ballots_check;
--> statement-breakpoint
DROP INDEX voting_ballots_unsealed;
--> statement-breakpoint
CREATE INDEX voting_ballots_unsealed ON voting_ballots (meeting_id, accepted_at, id) WHERE seq IS NULL AND status IN ('accepted', 'superseded', 'rejected');
--> statement-breakpoint
-- One sheet number per meeting (an entry the second teller rejected frees its number for the corrected entry).
CREATE UNIQUE INDEX voting_ballots_sheet ON voting_ballots (meeting_id, paper_ref) WHERE paper_ref IS NOT NULL AND status <> 'rejected';

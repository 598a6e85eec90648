-- A ballot's counting owner must be on the roll of the ballot's own meeting, in its own neighbourhood: the two
-- single-column keys let a ballot name an owner of another meeting's roll. One key on all three columns checks that
-- (tenant_id leading, as every key and index here: docs/architecture.md §3), and a ballot written pays one lookup instead of two
-- (the meeting is implied: the roll owner's own key points at it).
CREATE UNIQUE INDEX voting_roll_owners_meeting ON voting_roll_owners (tenant_id, meeting_id, id);
--> statement-breakpoint
ALTER TABLE voting_ballots ADD CONSTRAINT voting_ballots_roll_owner FOREIGN KEY (tenant_id, meeting_id, roll_owner_id) REFERENCES voting_roll_owners (tenant_id, meeting_id, id);
--> statement-breakpoint
ALTER TABLE voting_ballots DROP CONSTRAINT voting_ballots_meeting_id_fkey;
--> statement-breakpoint
ALTER TABLE voting_ballots DROP CONSTRAINT voting_ballots_roll_owner_id_fkey;

-- 补选: an election filling vacancies on a sitting 业主委员会 may fill 1 to 11 seats, where a full election fills an odd
-- number from 5 to 11 (docs/domain.md §3). The API checks the seats; the flag records which rule the election follows.
ALTER TABLE voting_motions ADD COLUMN by_election boolean NOT NULL DEFAULT false;
--> statement-breakpoint
ALTER TABLE voting_motions ADD CONSTRAINT voting_motions_by_election CHECK (NOT by_election OR kind = 'election');

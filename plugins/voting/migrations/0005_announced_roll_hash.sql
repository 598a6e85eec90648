-- The roll's commitment as announced with the meeting notice (the pseudonym key, roll_salt, is now chosen at the
-- announcement and kept for opening, so an unchanged roll freezes to the same commitment).
ALTER TABLE voting_meetings ADD COLUMN announced_roll_hash text;

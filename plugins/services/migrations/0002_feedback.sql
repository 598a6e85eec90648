-- A complaint the neighbourhood granted `feedback:create` for is also a 码上提 report (the core's feedback loop): the
-- complaint keeps the report's number and the portal address where it is followed, for the resident's order page.
ALTER TABLE services_complaints ADD COLUMN feedback_number bigint;
--> statement-breakpoint
ALTER TABLE services_complaints ADD COLUMN feedback_link text;

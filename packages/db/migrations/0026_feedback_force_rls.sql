-- drizzle-kit enables row-level security but never forces it (docs/architecture.md §3).
ALTER TABLE feedback_settings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE feedback_units FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE feedback_unit_members FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE feedback_reports FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE feedback_steps FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE feedback_followers FORCE ROW LEVEL SECURITY;

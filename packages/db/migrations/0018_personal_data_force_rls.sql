-- drizzle-kit enables row-level security but never forces it (docs/architecture.md §3).
ALTER TABLE neighbourhood_applications FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE personal_data_reads FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A read of someone's number is recorded once and never changed or taken back.
REVOKE UPDATE, DELETE, TRUNCATE ON personal_data_reads FROM city_app;
--> statement-breakpoint
-- The eraser reaches the fields that name a person and nothing else (migration 0017; docs/domain.md §5.5).
GRANT USAGE ON SCHEMA public TO city_eraser;
--> statement-breakpoint
GRANT SELECT ON audit_log, neighbourhood_applications TO city_eraser;
--> statement-breakpoint
GRANT UPDATE (actor_name, actor_salt, details, details_salt, redacted_at) ON audit_log TO city_eraser;
--> statement-breakpoint
GRANT UPDATE (applicant_name, applicant_phone, note, status) ON neighbourhood_applications TO city_eraser;

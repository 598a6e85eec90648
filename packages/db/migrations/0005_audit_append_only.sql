ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_heads FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The application can append to the trail, never rewrite it: only the owner (a DBA, or a test proving that
-- tampering is detected) can change a row.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM city_app;

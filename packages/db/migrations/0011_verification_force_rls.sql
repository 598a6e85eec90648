ALTER TABLE unit_codes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE verifications FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE registry_imports FORCE ROW LEVEL SECURITY;

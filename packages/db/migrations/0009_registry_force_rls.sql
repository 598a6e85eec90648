ALTER TABLE buildings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE units FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE owners FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE unit_owners FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE unit_residents FORCE ROW LEVEL SECURITY;

-- drizzle-kit enables row-level security but never forces it (docs/architecture.md §3).
ALTER TABLE plugin_installs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE plugin_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE plugin_deliveries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE plugin_role_grants FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Plugins without tables of their own run as this role: no table privileges at all, so their code reaches data only
-- through the capabilities of their granted scopes. Plugins with tables get a role of their own in their migrations.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'city_plugin') THEN
    CREATE ROLE city_plugin NOLOGIN NOBYPASSRLS;
  END IF;
END $$;
--> statement-breakpoint
GRANT city_plugin TO CURRENT_USER;
--> statement-breakpoint
-- The event dispatcher's sweep asks which neighbourhoods have plugin events waiting, and nothing else: this role
-- sees the tenant ids of undispatched events and of pending deliveries, never their contents.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'city_dispatcher') THEN
    CREATE ROLE city_dispatcher NOLOGIN NOBYPASSRLS;
  END IF;
END $$;
--> statement-breakpoint
GRANT city_dispatcher TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO city_dispatcher;
--> statement-breakpoint
GRANT SELECT (tenant_id, dispatched_at) ON plugin_events TO city_dispatcher;
--> statement-breakpoint
GRANT SELECT (tenant_id, status, next_attempt_at) ON plugin_deliveries TO city_dispatcher;
--> statement-breakpoint
CREATE POLICY plugin_events_waiting ON plugin_events FOR SELECT TO city_dispatcher USING (dispatched_at IS NULL);
--> statement-breakpoint
CREATE POLICY plugin_deliveries_waiting ON plugin_deliveries FOR SELECT TO city_dispatcher USING (status = 'pending');

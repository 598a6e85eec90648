-- drizzle-kit enables row-level security but never forces it (docs/architecture.md §3).
ALTER TABLE notification_causes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notifications FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notification_deliveries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notification_settings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The sweep asks which neighbourhoods have notifications to expand or deliver, as the dispatcher's role (migration
-- 0013): it sees those rows' tenant ids and timing, never who they are for or what they say.
GRANT SELECT (tenant_id, status, not_before) ON notification_causes TO city_dispatcher;
--> statement-breakpoint
GRANT SELECT (tenant_id, status, next_attempt_at) ON notification_deliveries TO city_dispatcher;
--> statement-breakpoint
CREATE POLICY notification_causes_waiting ON notification_causes FOR SELECT TO city_dispatcher USING (status <> 'done');
--> statement-breakpoint
CREATE POLICY notification_deliveries_waiting ON notification_deliveries FOR SELECT TO city_dispatcher
  USING (status IN ('pending', 'digest'));

-- The feedback clock's sweep asks which neighbourhoods have reports running (assigned, or answered and waiting for a
-- rating), as the dispatcher's narrow role (migration 0013): the tenant ids and states, nothing of the reports.
GRANT SELECT (tenant_id, status) ON feedback_reports TO city_dispatcher;
--> statement-breakpoint
CREATE POLICY feedback_reports_running ON feedback_reports FOR SELECT TO city_dispatcher
  USING (status IN ('assigned', 'answered'));

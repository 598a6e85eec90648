-- Platform operators watch failed deliveries across neighbourhoods (issue 17). They read them as the dispatcher's
-- narrow role (migration 0013): per neighbourhood, the channel, attempts, WeChat's or the SMS gateway's error and
-- when; never who a delivery was for or what it said.
GRANT SELECT (channel, attempts, last_error, created_at) ON notification_deliveries TO city_dispatcher;
--> statement-breakpoint
CREATE POLICY notification_deliveries_failed ON notification_deliveries FOR SELECT TO city_dispatcher
  USING (status = 'failed');

-- A business acts outside any neighbourhood (app_organisation() set, no tenant): a plugin's organisation routes may
-- write a notification's cause into a neighbourhood where that plugin is enabled (e.g. "your order was accepted"),
-- in the plugin's name only. Its people are checked to be members of that neighbourhood when it is expanded.
CREATE POLICY notification_causes_from_business ON notification_causes FOR INSERT TO city_app
  WITH CHECK (
    app_organisation() IS NOT NULL
    AND source <> 'core'
    AND tenant_id IN (SELECT i.tenant_id FROM plugin_installs i WHERE i.plugin_id = source AND i.status = 'enabled')
  );
